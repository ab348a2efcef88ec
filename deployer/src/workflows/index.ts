export {
  DEPLOY_WORKFLOW,
  DEPLOY_WORKFLOW_FILE,
  deployWorkflow,
  PLAN_WORKFLOW,
  PLAN_WORKFLOW_FILE,
  planWorkflow,
  workflowFiles,
} from './workflow-templates.js'
