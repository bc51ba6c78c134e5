import { sliceServiceSchema } from '../schemas/slice-service.ts';

/** FICTIONAL SAMPLE DATA for the foundation slice: invented services, not real organisations. */
export const sliceSample = sliceServiceSchema.array().parse([
  { id: 'kings-lynn-walking-for-health', name: "King's Lynn Walking for Health", summary: 'Gentle guided walks of about an hour every Tuesday, starting from the Tuesday Market Place. Free, no booking.', town: "King's Lynn", published: true },
  { id: 'mansfield-befriending-calls', name: 'Mansfield Befriending Calls', summary: 'A volunteer rings you for a chat once a week if you feel lonely or cut off.', town: 'Mansfield', published: true },
  { id: 'darlington-benefits-clinic', name: 'Darlington Benefits and Debt Clinic', summary: 'Free advice on benefits, debt and bills from trained advisers, by appointment or drop in on Thursdays.', town: 'Darlington', published: true },
  { id: 'barnard-castle-carers-cafe', name: 'Barnard Castle Carers Café', summary: 'A monthly café where unpaid carers meet, share tips and get advice.', town: 'Barnard Castle', published: true },
  { id: 'wymondham-warm-space', name: 'Wymondham Warm Space', summary: 'A warm, friendly room with hot drinks and company on weekday afternoons.', town: 'Wymondham', published: true },
  { id: 'draft-memory-cafe', name: 'Draft memory café (not yet checked)', summary: 'A listing still waiting for a curator to check it.', town: 'Norwich', published: false },
]);
