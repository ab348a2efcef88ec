import { defineProcess, field, one, setOwner, setPriority } from '@ablauf/sdk'

// Started by change-request as a sub-process on the same ticket; it can also be started by hand to
// re-assess a change.
export default defineProcess('change-risk-assessment', {
  name: 'Change risk assessment',
  description:
    'A change manager rates the impact and the risk of a change; when the two ratings disagree, a manager gives a second opinion on the risk.',
  start: { on: 'manual', activity: 'assess-risk' },
})
  .user('assess-risk', {
    name: 'Assess risk',
    description: 'The change manager rates who is affected (impact) and how likely the change breaks something (risk).',
    dialogs: [
      {
        title: 'Assess change risk',
        description: 'Rate the impact and the risk of this change and explain your rating.',
        interface: ['agent'],
        permission: 'change-manager',
        fields: {
          DynamicField_Impact: 'required',
          DynamicField_ChangeRisk: 'required',
          Article: { display: 'optional', label: 'Rationale', article: { channel: 'Internal' } },
        },
        submitLabel: 'Save assessment',
      },
    ],
  })
  .user('second-opinion', {
    name: 'Second opinion',
    description: 'A manager reviews an assessment whose impact and risk disagree and sets the final risk.',
    dialogs: [
      {
        title: 'Review risk assessment',
        description: 'Impact and risk of this change disagree (company-wide but not high risk, or high risk but local). Set the final risk.',
        interface: ['agent'],
        permission: 'manager',
        fields: {
          DynamicField_Impact: 'optional',
          DynamicField_ChangeRisk: 'required',
          Article: { display: 'required', label: 'Why this risk', article: { channel: 'Internal' } },
        },
        submitLabel: 'Confirm risk',
      },
    ],
  })
  .end('assessed', { name: 'Risk assessed', description: 'Impact and risk are on the ticket for the change request to decide on.' })
  .transition('assess-risk', 'second-opinion', {
    id: 'ratings-disagree',
    name: 'Ratings disagree',
    description: 'Exactly one of "company-wide impact" and "high risk" holds: the two ratings contradict each other, so a manager looks again.',
    when: one(field('DynamicField_Impact').eq('company'), field('DynamicField_ChangeRisk').eq('high')),
    actions: [setOwner('maria.manager'), setPriority('4 high')],
  })
  .transition('assess-risk', 'assessed', {
    id: 'ratings-agree',
    name: 'Ratings agree',
    description: 'Impact and risk are consistent; the assessment stands.',
  })
  .transition('second-opinion', 'assessed', {
    id: 'risk-confirmed',
    name: 'Risk confirmed',
    description: 'The manager set the final risk; the change goes back to its change manager.',
    actions: [setOwner('chris.change')],
  })
