-- More Signpost needs, so every service of a council's feed has a need a resident would name:
-- alcohol and drugs, warm places, families and children, arts and hobbies (the lexicon in
-- src/lib/search/needs-lexicon.ts assigns them to services whose source said nothing of needs).
-- Same upsert as 20261122000400_needs_taxonomy.sql; reference data, not sample data.

insert into public.taxonomy_terms (id, taxonomy_id, code, name, resident_label, description, synonyms)
values
  ('need-alcohol-drugs', 'signpost-needs', 'alcohol-drugs', 'Alcohol, drugs and gambling',
   'Drinking, drugs or gambling, yours or someone else''s',
   'Recovery groups, drug and alcohol services, gambling support and help for families.',
   array['alcohol', 'drinking', 'drink', 'drugs', 'addiction', 'recovery', 'gambling', 'sober']),
  ('need-warm-places', 'signpost-needs', 'warm-places', 'Warm places',
   'Somewhere warm to go',
   'Warm spaces and warm hubs: free, welcoming places to spend time in the cold months.',
   array['warm space', 'warm hub', 'warm welcome', 'keep warm', 'heating', 'cold']),
  ('need-families-children', 'signpost-needs', 'families-children', 'Families, children and young people',
   'Babies, children, young people and parents',
   'Baby and toddler groups, parenting and feeding support, youth clubs and family activities.',
   array['baby', 'toddler', 'parents', 'parenting', 'children', 'kids', 'family', 'youth club', 'breastfeeding', 'mums', 'dads']),
  ('need-arts-hobbies', 'signpost-needs', 'arts-hobbies', 'Arts, culture and hobbies',
   'Arts, crafts, music and hobbies',
   'Art and craft groups, choirs and music, gardening clubs, history and hobby groups.',
   array['art', 'craft', 'knitting', 'choir', 'singing', 'music', 'gardening', 'history', 'hobby', 'drama'])
on conflict (id) do update set taxonomy_id = excluded.taxonomy_id, code = excluded.code, name = excluded.name,
  resident_label = excluded.resident_label, description = excluded.description, synonyms = excluded.synonyms;
