/** `/ui/app.css`: plain, readable, high-contrast; visible focus everywhere. */
export const appCss = `:root {
  --fg: #1b1f24; --muted: #57606a; --bg: #f6f8fa; --card: #fff; --line: #d0d7de;
  --accent: #1f4e79; --accent-fg: #fff; --error: #b42318; --error-bg: #fdecea; --ok: #1a7f37; --ok-bg: #e6f4ea;
  --focus: #0969da;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; line-height: 1.5; color: var(--fg); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 0.5rem; background: var(--card); padding: 0.5rem; z-index: 10; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.top { display: flex; align-items: center; justify-content: space-between; gap: 1rem; padding: 0.6rem 1.5rem; background: var(--accent); color: var(--accent-fg); }
.top h1 { margin: 0; font-size: 1.2rem; }
.top h1 a { color: inherit; text-decoration: none; display: inline-flex; align-items: center; gap: 0.5rem; }
.top nav { display: flex; gap: 1rem; align-items: center; }
.top nav a { color: var(--accent-fg); text-decoration: none; padding: 0.2rem 0.1rem; border-bottom: 2px solid transparent; }
.top nav a[aria-current="page"] { border-bottom-color: var(--accent-fg); font-weight: 600; }
.top nav button { background: transparent; color: var(--accent-fg); border: 1px solid rgba(255,255,255,0.6); }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
main:focus { outline: none; }
#flash { max-width: 72rem; margin: 0 auto; padding: 0 1.5rem; }
#flash:empty { display: none; }
h2 { font-size: 1.5rem; margin: 0.5rem 0; }
h2:focus { outline: none; }
h3 { font-size: 1.1rem; margin: 0 0 0.75rem; }
.view > section:not(.card) { margin-top: 1.5rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; background: #eef1f4; padding: 0.05rem 0.3rem; border-radius: 4px; }
.muted { color: var(--muted); }
.small { font-size: 0.85em; }
.empty { color: var(--muted); font-style: italic; }
.crumbs { margin: 0.5rem 0 0; color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }
.sign-in { max-width: 28rem; margin: 3rem auto; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 0 1rem; }
.table-wrap { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.55rem 0.75rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); background: #fafbfc; }
tbody tr:last-child td { border-bottom: none; }
tbody tr:hover { background: #f3f7fb; }
.task-link { font-weight: 600; }
.badge { display: inline-block; font-size: 0.75rem; padding: 0 0.4rem; margin-left: 0.4rem; border-radius: 999px; background: #fff4ce; border: 1px solid #d4a72c; }
.status { font-weight: 600; }
.status.incident { color: var(--error); }
.status.completed { color: var(--ok); }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0; }
dl.fields dt { color: var(--muted); }
dl.fields dd { margin: 0; }
ul.plain { list-style: none; padding: 0; margin: 0; }
.article { border-top: 1px solid var(--line); padding-top: 0.5rem; margin-top: 0.5rem; }
.article h4 { margin: 0; }
.article .body { white-space: pre-wrap; }
form .field { margin: 0 0 1rem; display: flex; flex-direction: column; gap: 0.25rem; max-width: 36rem; }
form .field.check { flex-direction: row; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
form .field.check .hint, form .field.check .field-error { flex-basis: 100%; }
fieldset.field { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 1rem 0.75rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
label { font-weight: 600; }
fieldset label { font-weight: 500; margin-top: 0.4rem; }
input[type="text"], input[type="password"], input[type="number"], input[type="date"], input[type="datetime-local"], select, textarea {
  font: inherit; padding: 0.4rem 0.5rem; border: 1px solid #8c959f; border-radius: 6px; background: #fff; color: var(--fg); width: 100%;
}
input[type="checkbox"] { width: 1.1rem; height: 1.1rem; }
select[multiple] { min-height: 6rem; }
[aria-invalid="true"] { border-color: var(--error); box-shadow: 0 0 0 1px var(--error); }
.required { color: var(--error); font-weight: 700; }
.hint { color: var(--muted); font-size: 0.9em; margin: 0; }
.field-error { color: var(--error); font-weight: 600; margin: 0; }
.description { margin-top: 0; }
details.help { margin: 0 0 1rem; }
details.help summary { cursor: pointer; color: var(--accent); }
.actions { display: flex; gap: 1rem; align-items: center; margin-top: 1rem; }
button { font: inherit; cursor: pointer; border-radius: 6px; padding: 0.4rem 0.9rem; border: 1px solid #8c959f; background: #fff; color: var(--fg); }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); font-weight: 600; }
button:disabled { opacity: 0.6; cursor: progress; }
button.linklike { border: none; background: none; padding: 0; color: var(--error); text-decoration: underline; text-align: left; }
.form-errors:focus { outline: none; }
.alert { border-radius: 6px; padding: 0.6rem 1rem; margin: 1rem 0; border: 1px solid; }
.alert p { margin: 0.2rem 0; }
.alert ul { margin: 0.3rem 0 0; padding-left: 1.2rem; }
.alert.error { background: var(--error-bg); border-color: var(--error); color: #7a1a10; }
.alert.ok { background: var(--ok-bg); border-color: var(--ok); color: #0f5323; }
ol.timeline { list-style: none; margin: 0; padding: 0 0 0 1rem; border-left: 3px solid var(--line); }
ol.timeline li { position: relative; display: grid; grid-template-columns: 11rem 6.5rem 1fr; gap: 0.75rem; padding: 0.35rem 0; }
ol.timeline li::before { content: ""; position: absolute; left: -1.45rem; top: 0.75rem; width: 0.6rem; height: 0.6rem; border-radius: 50%; background: var(--line); }
ol.timeline .at { color: var(--muted); font-size: 0.85em; }
ol.timeline .kind { font-size: 0.75rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); padding-top: 0.1rem; }
ol.timeline li.transition::before { background: var(--accent); }
ol.timeline li.transition .kind { color: var(--accent); }
ol.timeline li.activity::before { background: #8250df; }
ol.timeline li.field::before, ol.timeline li.action::before { background: #bf8700; }
ol.timeline li.incident::before { background: var(--error); }
ol.timeline li.incident .text, ol.timeline li.incident .kind { color: var(--error); }
ol.timeline li.process::before { background: var(--ok); }
@media (max-width: 40rem) {
  ol.timeline li { grid-template-columns: 1fr; gap: 0; }
  .top { flex-wrap: wrap; }
}
`
