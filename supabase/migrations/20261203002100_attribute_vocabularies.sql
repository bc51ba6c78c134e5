-- Signpost's two fixed vocabularies, how people attend and how they get in, as taxonomies and
-- terms, so the ORUK API lists them at /taxonomies and /taxonomy_terms like every vocabulary its
-- services' attributes point at. A service keeps its values in its own columns
-- (services.attending_types, services.access_routes); these rows name and describe them.
-- Ids, codes, names and descriptions are the ones the export writes into each attribute
-- (src/lib/oruk/signpost-attributes.ts and export-mapping.ts); a test keeps the two in step.
-- Reference data every deployment needs (not sample data), upserted like 20261122000400_needs_taxonomy.sql.

insert into public.taxonomies (id, name, description, uri, version)
values
  ('signpost-attending-types', 'How people attend',
   'How people take part in a service: in person, online or by phone.',
   'https://signpost.example/taxonomies/attending-types', '1'),
  ('signpost-access-routes', 'How people get in',
   'How people start using a service: dropping in, referring themselves, through a link worker or by a professional''s referral.',
   'https://signpost.example/taxonomies/access-routes', '1')
on conflict (id) do update set name = excluded.name, description = excluded.description,
  uri = excluded.uri, version = excluded.version;

insert into public.taxonomy_terms (id, taxonomy_id, code, name, description)
values
  ('attending-in-person', 'signpost-attending-types', 'attending-in-person', 'in person', 'How people attend: in person'),
  ('attending-online', 'signpost-attending-types', 'attending-online', 'online', 'How people attend: online'),
  ('attending-phone', 'signpost-attending-types', 'attending-phone', 'phone', 'How people attend: phone'),
  ('access-drop-in', 'signpost-access-routes', 'access-drop-in', 'drop in', 'How people get in: drop in'),
  ('access-self-referral', 'signpost-access-routes', 'access-self-referral', 'self-referral', 'How people get in: self-referral'),
  ('access-via-a-link-worker', 'signpost-access-routes', 'access-via-a-link-worker', 'via a link worker',
   'How people get in: via a link worker'),
  ('access-professional-referral', 'signpost-access-routes', 'access-professional-referral', 'professional referral',
   'How people get in: professional referral')
on conflict (id) do update set taxonomy_id = excluded.taxonomy_id, code = excluded.code, name = excluded.name,
  description = excluded.description;
