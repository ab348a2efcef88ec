/** The page's shell; everything else is built by `/ui/app.js`. No inline script or style (see the CSP). */
export const indexHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Ablauf</title>
<link rel="icon" href="/ui/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/ui/app.css">
<script type="module" src="/ui/app.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<h1><a href="#/inbox"><img src="/ui/icon.svg" alt="" width="24" height="24"> Ablauf</a></h1>
<nav id="nav" aria-label="Main" hidden>
<a href="#/inbox">Inbox</a>
<a href="#/instances" id="nav-instances" hidden>Instances</a>
<button type="button" id="sign-out">Sign out</button>
</nav>
</header>
<div id="flash" role="status" aria-live="polite"></div>
<main id="main" tabindex="-1"><noscript><p>This page needs JavaScript.</p></noscript></main>
</body>
</html>
`

/** The page's icon: a small flow of three steps. */
export const iconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect width="24" height="24" rx="5" fill="#1f4e79"/><circle cx="6" cy="12" r="2.5" fill="#fff"/><circle cx="18" cy="7" r="2.5" fill="#fff"/><circle cx="18" cy="17" r="2.5" fill="#9fd3ff"/><path d="M8.3 11l7.4-3.2M8.3 13l7.4 3.2" stroke="#fff" stroke-width="1.5"/></svg>
`
