/**
 * Queries as residents type them, judged against the North Lincolnshire ORUK feed
 * (../shared/fixtures/oruk/north-lincolnshire-services.json). For each query a person read the
 * services' names and descriptions and wrote down every service that would help, before any
 * tuning. Services are named by the first 8 characters of their id (unique in the feed), with
 * their names in comments. Do not edit a judgement to make a result pass: judge, then tune.
 */
export interface Judged {
  query: string;
  relevant: string[];
}

const food = [
  'c3d01d84', // Food Bank (Salvation Army)
  'eeaa89c5', // Foodbank project (Citizens Advice)
  '036c4890', // Isle of Axholme Foodshare project
  '80a985e9', // Kirton in Lindsey Food Aid
  '563be9cf', // Food Pantry (Oikos)
  '72184a12', // Riddings Community Pantry
  'fd6a6176', // The Pantry (Oasis)
  'eef5da9d', // Fresh Food (Crosby Together)
  '7461ad96', // Kirton in Lindsey Community Shop
];
const debt = [
  'ba1bb5f0', // Debt Advice Foundation
  '5fd835a2', // National Debtline
  'debea891', // Business Debtline
  'a7aa1608', // Money and Debt Advice (Citizens Advice)
];
const benefits = [
  'cb810fb0', // Help to Claim Universal Credit Advice
  'a7aa1608', // Money and Debt Advice
  '9734f0d3', // Age UK Lindsey - Information and Advice
];
const listening = [
  '3d2f05af', // Confidential Listening service (Mind)
  'd9481c19', // Counselling (New Beginnings)
  '212cb57b', // Shout 85258 Crisis Text Line
  '7fb05064', // Friday Club (Men's Group) - mental health support
  'd33efea0', // Andys Man Club
  '7f68968a', // Peer support session (Mind)
  '19ad0634', // Beyond the Noise Counselling Services
  '21b6462f', // Counselling and Counselling Supervision
  'a1ee6761', // Frankish Psychological Services
  '2221f0c1', // Coping with Life Support Group (Mind)
  'e42ef9e0', // Beyond the Noise - Mental Health Matters
  'df27b8f5', // Monthly Walk And Talk
];
const mentalHealth = [...listening, '7c2b95b9' /* First Steps Forward */, '5ecca86b' /* Ways to Wellness */];
const bereavement = [
  'd3354c19', // Grief Cafe
  '81fa4f49', // The Good Grief Trust
  '212e9338', // Counselling & Support (Lindsey Lodge), pre and post bereavement
  '3514fadd', // SOBS
  '42391c94', // SOBS Support Group
  '3cb7c2f8', // #TalkSuicide (bereaved by suicide)
];
const carers = [
  'f3f8adb4', // Carers' Support Service
  '6c1236bb', // Carer Peer Support Groups
  '3ad7840b', // Phone Support Carers' Support Service
  '3d5ab131', // Ashby Peer Support Group
  'aa8a73a8', // Barton Carer Peer Support Group
  'eb1fb363', // Bottesford Carer Peer Support Group
  'e605e28d', // Brigg Peer Support Group
  '202abccf', // Crosby Carer Peer Support Group
  '5e93a4d5', // Dementia Carer Peer Support Group
  '6446d2ed', // Online Dementia Carer Peer Support Group
  'ad3e692e', // Parent Carer Peer Support Group
  '3efd10f1', // Wellbeing and Young Carers Team
  'ada58a2a', // Carer Development Programme (TIDE)
  '10af68a1', // Peer to Peer support groups online for carers of people with dementia
  'ac2c1b9e', // Young Onset Dementia Carers Peer Support group
  '08cdad76', // Carers' Tai Chi Group
  '51492cb2', // Carers Art Club
];
const dementia = [
  '11759a72', // Dementia Cafe - Ashby
  '9eebd345', // Dementia Cafe - Barton
  '326a381a', // Dementia Cafe - Brigg
  'c92bfbb0', // Dementia Cafe - Epworth
  '5e93a4d5', // Dementia Carer Peer Support Group
  '602fb5ec', // Dementia Direct
  'c00d795a', // Dementia support (Alzheimer's Society)
  'cd8fd762', // Peggy's
  'be825f56', // Togetherness Singing Group (RDash Memory Service)
  'fd2e5e08', // Just Sing (dementia friendly)
  '6446d2ed', // Online Dementia Carer Peer Support Group
  '10af68a1', // Peer to Peer support groups online for carers of people with dementia
  'ac2c1b9e', // Young Onset Dementia Carers Peer Support group
];
const alcohol = [
  '738f94e0', // "We are with You" WAWY
  '5dd4b20b', // We Are With You
  '99ba2bfb', // Delta (young people affected by their own or others' use)
];
const homeless = [
  'c6f528be', // Day Centre for the Homeless
  '76e03eef', // Housing Support & Outreach Team
  'd029640a', // Housing Advice
  'bec69e7d', // Community Health Inclusion Nursing Team (Victor House)
];
const walks = [
  'dfa3cb06', // Central Park Short Walks
  '7f0c033d', // Community walks
  'c3088f40', // Social Walks
  'f9334a00', // Brigg Community Stroll
  'd18eb1b5', // Community Stroll & Coffee Morning
  '2098359e', // Parent and Pushchair Wellbeing Walk
  'df27b8f5', // Monthly Walk And Talk
  'c2bc0acc', // ESOL Wellbeing Walk
  '0bc81d2b', // Nordic Walking Group
  '17165e72', // Normanby Hall Walks
  'e329c7ca', // U3A North Lindsey - Walking Group
];
const coffeeMornings = [
  'b488dfa9', // Bonby Village Hall Coffee Mornings
  'f28d0fa8', // Coffee Morning (Westcliff)
  '677f3246', // Coffee Morning (Salvation Army)
  '0cda73ca', // Coffee Morning - Living Later Life Well
  '57df1d2f', // Coffee morning and games (Ashby)
  '772fef27', // Coffee Mornings (The Arc)
  'd18eb1b5', // Community Stroll & Coffee Morning
  '266c487b', // Crowle coffee morning
  '910c9b87', // Drop in / coffee morning (Headway)
  'e1f6061d', // Family Coffee Morning
  '2de57f46', // Mum and Baby Coffee morning
  '9a8779d9', // U3A North Lindsey - Coffee Morning
  'bf0e452d', // U3a Scunthorpe - Coffee Morning
];
const lonely = [
  ...coffeeMornings,
  '5ecca86b', // Ways to Wellness
  '827039c7', // Crafty Chatters
  '7594e94a', // Lunch Club
  '0b4f536a', // Luncheon Club
  '35e3ddf2', // Social Tea
  '09a3c684', // Bottesford drop in centre - Tea Pot Hall
  '2767bc4d', // Brigg Men in Sheds
  'd707dd4e', // Winterton Men in Sheds
  'a4ed1953', // Knit & Natter
  'c3088f40', // Social Walks
  '6e2b950f', // LGBTQ+ Social Group
];
const chairExercise = ['ae0ce548', '154dab7d', '46703a18', '6da7a4ab'];
const olderExercise = [
  '8a9364ef', // Active Lincs - Active Circuits
  'be6cbc02', // Active Lincs - Belly Dancing
  'd7f83691', // Active Lincs - Strength and Balance
  'cef82768', // Active Lincs - Walking Cricket
  '6b25d566', // Active Lincs - Walking Football
  'ea307216', // Active Lincs - Walking Netball
  '262018b1', // Over 50's Fitness
  '3825137b', // Over 50's Walking Football
  '73d1b986', // Yoga - Living Later Life Well
  ...chairExercise,
];
const yoga = ['9145a642', '375cdb16', '45e4096a', '73d1b986', '6da7a4ab', '12853226', '58273e8d', 'e926d80c'];
const knitting = ['a4ed1953', 'dae24915', '33a12da0', '4d2cd17a', 'cf006b58'];
const choirs = ['ee2c3aa6', 'ac6d919b', '99be9421', 'd3ebbae9', '40472f0a', 'fbd04d5a', 'fd2e5e08', 'be825f56'];
const breastfeeding = [
  'fd596731',
  '0db8eee8',
  '432cd188',
  'e4e96e90',
  'cf88690a',
  '98c4595e', // support groups
  'b7e18f00',
  'a4ce1a2c',
  'e3a091a6',
  '178a3c65',
  'caf5f44e',
  'd8b44d88', // welcome venues
];
const babyGroups = ['df9b586e', 'c7812417', '58f003d1', '7429bbdf', '46c49436', '9ef365d0', '2de57f46', '9924cbfb', 'cc5b86bc', '27e2ee6a'];
const youthClubs = ['01418188', 'c76f6f3f', '9b777345', '5f5311e3'];
const computers = ['8519e93a', 'ff78479b', '2f007ea7', 'fa0f5b36'];
const autism = ['abee5419', '1db08aab', '86bf8614', '0abb9bac', 'a307721b'];
const veterans = ['d861dfb2', '59225a84', '7e311763', 'ccc676e1', 'b59edee5', '5f909223'];
const suicide = ['d33efea0', '212cb57b', '0b48081d', 'bebc30f1', '3514fadd', '42391c94', '3cb7c2f8'];
const english = ['63d09331', '6878bda3', 'b66c7a07', '645816bd', 'c2bc0acc', 'fa0f5b36'];
const gardening = ['f26d6d06', 'ce7e0d84', '81a74ad0', 'e22a55e7', 'ef70d5b9', '2534b8bb'];
const running = ['c69004f4', '968ca8e5', '2e08a485', '12340d1a', '696cb64f', 'd2f7a851'];
const walkingFootball = ['6b25d566', '6a41c14b', '3825137b'];
const mensSheds = ['2767bc4d', 'd707dd4e'];

export const northLincolnshireJudged: Judged[] = [
  { query: 'food bank', relevant: food },
  { query: 'foodbank', relevant: food },
  { query: "can't afford food", relevant: food },
  { query: 'food parcels', relevant: food },
  { query: 'debt advice', relevant: debt },
  { query: 'benifits advise', relevant: benefits },
  { query: 'universal credit help', relevant: benefits },
  { query: "can't pay my bills", relevant: [...debt, ...benefits] },
  { query: 'lonely', relevant: lonely },
  { query: 'i feel lonely and isolated', relevant: lonely },
  { query: 'someone to talk to', relevant: listening },
  { query: 'feeling low', relevant: mentalHealth },
  { query: 'anxiety and stress', relevant: mentalHealth },
  { query: 'councelling', relevant: mentalHealth },
  { query: 'suicidal thoughts', relevant: suicide },
  { query: 'mens shed', relevant: mensSheds },
  { query: 'grief', relevant: bereavement },
  { query: 'lost my husband', relevant: bereavement },
  { query: 'bereavment support', relevant: bereavement },
  { query: 'carers support', relevant: carers },
  { query: 'caring for my mum', relevant: carers },
  { query: 'dementia', relevant: dementia },
  { query: 'demensia cafe', relevant: dementia },
  { query: 'memory problems', relevant: dementia },
  { query: 'my partner drinks', relevant: alcohol },
  { query: 'drug and alcohol help', relevant: alcohol },
  { query: 'gambling', relevant: ['8f1ec001'] },
  { query: 'homeless', relevant: homeless },
  { query: "can't pay my rent", relevant: [...homeless.slice(1, 3), ...debt] },
  { query: 'walking group', relevant: walks },
  { query: 'walking football', relevant: walkingFootball },
  { query: 'chair exercise', relevant: chairExercise },
  { query: 'exercise for over 60s', relevant: olderExercise },
  { query: 'yoga classes', relevant: yoga },
  { query: 'coffee morning', relevant: coffeeMornings },
  { query: 'knitting group', relevant: knitting },
  { query: 'choir', relevant: choirs },
  { query: 'brestfeeding help', relevant: breastfeeding },
  { query: 'mum and baby group', relevant: babyGroups },
  { query: 'youth club', relevant: youthClubs },
  { query: 'help using a computer', relevant: computers },
  { query: 'autism support', relevant: autism },
  { query: 'veterans', relevant: veterans },
  { query: 'learn english', relevant: english },
  { query: 'gardening club', relevant: gardening },
  { query: 'running club', relevant: running },
];
