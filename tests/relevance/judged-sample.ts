/**
 * Queries as residents type them, judged against the sample data (src/lib/sample-data). The
 * sample's services are templates repeated across towns ("Talk Club Crook", "Talk Club
 * Stanhope"), so a judgement lists name fragments: every published service whose name contains
 * one of them would help. Read from the templates' descriptions before any tuning.
 */
export interface JudgedByName {
  query: string;
  names: string[];
}

const talk = [
  'Listening Line',
  'Night Owls',
  'Telephone Friends',
  'Chatterbox Calls',
  'Talk Club',
  'Mental Health Peer Support',
  'Safe Harbour',
];
const lowMood = ['Feeling Better', 'Stress Less', 'Mind Matters', ...talk];
const money = ['Check Your Entitlement', 'Benefits and Money Advice', 'Money Worries Helpline', 'Money Matters', 'Debt Advice Line'];
const walks = ['Walk and Talk', 'Stride Out', 'Health Walks'];

export const sampleJudged: JudgedByName[] = [
  {
    query: 'lonely',
    names: [
      ...walks,
      'Telephone Friends',
      'Chatterbox Calls',
      'Dinner and Dominoes',
      'Warm Welcome',
      'Warm Space',
      'Crafty Company',
      'Stitch and Chat',
      'Good Neighbours',
      'Talk Club',
      'Shed',
      'Friendship Lunch Club',
      'Tuesday Table',
      'Cosy Corner',
      "Carers' Coffee Morning",
      'Safe Harbour',
    ],
  },
  { query: 'someone to talk to', names: [...talk, 'Walk and Talk', 'Feeling Better'] },
  { query: 'benifits advise', names: [...money, 'Universal Credit Digital Support', 'Online Forms Help Desk'] },
  { query: 'mens shed', names: ['Shed'] },
  { query: "can't pay my rent", names: ['Housing Options', ...money] },
  { query: 'food bank', names: ['Food Bank', 'Community Fridge', 'Community Pantry', 'Local Larder'] },
  { query: 'grief', names: ['Bereavement', 'After Loss'] },
  { query: 'memory problems', names: ['Memory Café', 'Forget-Me-Not', 'Remember When'] },
  { query: 'dementia', names: ['Memory Café', 'Forget-Me-Not', 'Remember When'] },
  { query: 'carer', names: ['Carer'] },
  { query: 'looking after my husband', names: ['Carer'] },
  { query: 'walking group', names: walks },
  { query: 'gentle exercise', names: ['Seated Strength', 'Chair Fit', 'Steady Steps', ...walks] },
  { query: 'warm space', names: ['Warm Welcome', 'Warm Space', 'Cosy Corner', 'Warm and Well', 'Healthy Homes'] },
  { query: 'help with my phone', names: ['Tablet and Phone', 'Get Online', 'Digital Drop-In', 'Online Forms'] },
  { query: 'get a job', names: ['Job Club', 'Into Work', 'Working Well'] },
  { query: 'feeling low', names: lowMood },
  { query: 'copd', names: ['Breathe Easy', 'Singing for Lung Health', 'Better Breathing'] },
  { query: 'diabetes', names: ['Diabetes', 'Type 2 Together'] },
  {
    query: 'leaving hospital',
    names: ['Settle In', 'Hospital Housing Link', 'Back Home', 'Home from Hospital', 'Clear to Go Home', 'Safe at Home', 'Handyperson'],
  },
  { query: 'volunteering', names: ['Volunteer Centre', 'Find Your Volunteering', 'Volunteer Helpers'] },
];
