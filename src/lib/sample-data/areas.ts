/**
 * FICTIONAL SAMPLE DATA: the five areas from the domain notes, their PCNs and towns.
 * PCN names, codes, boundaries and contacts are invented; town names, postcode districts and
 * coordinates are real so maps and distance search behave plausibly. Boundaries are simplified
 * shapes drawn around the towns, not real PCN boundaries.
 */
export type Town = { name: string; lat: number; lng: number; postcodeDistricts: string[] };
export type SampleArea = {
  key: string;
  name: string;
  icb: string;
  pcns: {
    code: string;
    name: string;
    towns: Town[];
    boundary?: [number, number][];
    selfReferralOpen: boolean;
  }[];
};

const norfolkIcb = 'NHS Norfolk and Waveney Integrated Care Board';
const northEastIcb = 'NHS North East and North Cumbria Integrated Care Board';
const nottsIcb = 'NHS Nottingham and Nottinghamshire Integrated Care Board';

export const sampleAreas: SampleArea[] = [
  {
    key: 'west-norfolk',
    name: 'West Norfolk',
    icb: norfolkIcb,
    pcns: [
      {
        code: 'U90001',
        name: 'Lynn and the Coast PCN',
        selfReferralOpen: true,
        towns: [
          { name: "King's Lynn", lat: 52.7543, lng: 0.3976, postcodeDistricts: ['PE30'] },
          { name: 'Hunstanton', lat: 52.9396, lng: 0.4893, postcodeDistricts: ['PE36'] },
        ],
        // Hand-drawn so the two West Norfolk PCNs meet along a shared edge instead of overlapping.
        boundary: [
          [0.25, 52.8],
          [0.36, 52.8],
          [0.36, 52.72],
          [0.6, 52.72],
          [0.72, 52.9],
          [0.62, 53.0],
          [0.42, 52.99],
          [0.25, 52.8],
        ],
      },
      {
        code: 'U90002',
        name: 'Marshland and Fens PCN',
        selfReferralOpen: false,
        towns: [
          { name: 'Downham Market', lat: 52.6026, lng: 0.3826, postcodeDistricts: ['PE38'] },
          { name: 'Terrington St Clement', lat: 52.7539, lng: 0.2967, postcodeDistricts: ['PE34'] },
        ],
        boundary: [
          [0.1, 52.8],
          [0.25, 52.8],
          [0.36, 52.8],
          [0.36, 52.72],
          [0.6, 52.72],
          [0.55, 52.52],
          [0.3, 52.5],
          [0.15, 52.6],
          [0.1, 52.8],
        ],
      },
    ],
  },
  {
    key: 'south-norfolk-norwich',
    name: 'South Norfolk and Norwich',
    icb: norfolkIcb,
    pcns: [
      {
        code: 'U90003',
        name: 'Norwich City Centre PCN',
        selfReferralOpen: true,
        towns: [{ name: 'Norwich', lat: 52.6285, lng: 1.2927, postcodeDistricts: ['NR1', 'NR2', 'NR3'] }],
      },
      {
        code: 'U90004',
        name: 'South Norfolk Market Towns PCN',
        selfReferralOpen: true,
        towns: [
          { name: 'Wymondham', lat: 52.5703, lng: 1.1158, postcodeDistricts: ['NR18'] },
          { name: 'Diss', lat: 52.3766, lng: 1.1088, postcodeDistricts: ['IP22'] },
        ],
      },
    ],
  },
  {
    key: 'durham-dales',
    name: 'Durham Dales',
    icb: northEastIcb,
    pcns: [
      {
        code: 'U90005',
        name: 'Weardale PCN',
        selfReferralOpen: true,
        towns: [
          { name: 'Stanhope', lat: 54.7481, lng: -2.0067, postcodeDistricts: ['DL13'] },
          { name: 'Wolsingham', lat: 54.7306, lng: -1.8838, postcodeDistricts: ['DL13'] },
        ],
        boundary: [
          [-2.35, 54.83],
          [-1.85, 54.83],
          [-1.8, 54.7],
          [-2.0, 54.66],
          [-2.35, 54.68],
          [-2.35, 54.83],
        ],
      },
      {
        code: 'U90006',
        name: 'Teesdale PCN',
        selfReferralOpen: true,
        towns: [
          { name: 'Barnard Castle', lat: 54.5431, lng: -1.9186, postcodeDistricts: ['DL12'] },
          { name: 'Middleton-in-Teesdale', lat: 54.6251, lng: -2.0819, postcodeDistricts: ['DL12'] },
        ],
        boundary: [
          [-2.35, 54.68],
          [-2.0, 54.66],
          [-1.8, 54.7],
          [-1.75, 54.58],
          [-1.8, 54.48],
          [-2.2, 54.5],
          [-2.35, 54.6],
          [-2.35, 54.68],
        ],
      },
      {
        code: 'U90007',
        name: 'Bishop Auckland and Crook PCN',
        selfReferralOpen: true,
        towns: [
          { name: 'Bishop Auckland', lat: 54.6634, lng: -1.6768, postcodeDistricts: ['DL14'] },
          { name: 'Crook', lat: 54.7157, lng: -1.7455, postcodeDistricts: ['DL15'] },
        ],
        boundary: [
          [-1.85, 54.83],
          [-1.55, 54.78],
          [-1.55, 54.6],
          [-1.75, 54.58],
          [-1.8, 54.7],
          [-1.85, 54.83],
        ],
      },
    ],
  },
  {
    key: 'darlington',
    name: 'Darlington',
    icb: northEastIcb,
    pcns: [
      {
        code: 'U90008',
        name: 'Darlington Healthcare PCN',
        selfReferralOpen: false,
        towns: [
          { name: 'Darlington', lat: 54.5236, lng: -1.5525, postcodeDistricts: ['DL1', 'DL3'] },
          { name: 'Hurworth', lat: 54.4876, lng: -1.5436, postcodeDistricts: ['DL2'] },
        ],
      },
    ],
  },
  {
    key: 'mansfield',
    name: 'Mansfield',
    icb: nottsIcb,
    pcns: [
      {
        code: 'U90009',
        name: 'Mansfield Town PCN',
        selfReferralOpen: true,
        towns: [
          { name: 'Mansfield', lat: 53.1435, lng: -1.1984, postcodeDistricts: ['NG18'] },
          { name: 'Mansfield Woodhouse', lat: 53.1656, lng: -1.1937, postcodeDistricts: ['NG19'] },
        ],
      },
    ],
  },
];

/** A rough hexagon around a PCN's towns, for PCNs without a hand-drawn shape. */
export function hexagonAround(towns: Town[], radiusKm = 9): [number, number][] {
  const lat = towns.reduce((sum, t) => sum + t.lat, 0) / towns.length;
  const lng = towns.reduce((sum, t) => sum + t.lng, 0) / towns.length;
  const spread = Math.max(...towns.map((t) => Math.hypot((t.lat - lat) * 111, (t.lng - lng) * 111 * Math.cos((lat * Math.PI) / 180))));
  const r = radiusKm + spread;
  const points: [number, number][] = [];
  for (let i = 0; i < 6; i++) {
    const angle = (Math.PI / 3) * i;
    const dLat = (r * Math.sin(angle)) / 111;
    const dLng = (r * Math.cos(angle)) / (111 * Math.cos((lat * Math.PI) / 180));
    points.push([Number((lng + dLng).toFixed(4)), Number((lat + dLat).toFixed(4))]);
  }
  points.push(points[0] as [number, number]);
  return points;
}
