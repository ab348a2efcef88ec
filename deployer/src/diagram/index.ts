export { renderMermaid, mermaidText, nodeId } from './render-mermaid.js'
export { conditionLabel, shortField } from './condition-label.js'
export { actionLabel } from './action-label.js'
