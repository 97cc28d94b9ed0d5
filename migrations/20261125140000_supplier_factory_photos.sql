-- Factory photos are part of a supplier's application (issue 5, item 1): stored and reviewed like
-- the other documents (content-checked PNG/JPEG/PDF, checksum, per-document decision), never
-- required and never expiring.
alter table supplier_document drop constraint supplier_document_kind_valid;
alter table supplier_document add constraint supplier_document_kind_valid check (
    kind in ('business_licence', 'iso9001', 'sgs_test_report', 'ce', 'other_certificate', 'factory_photo')
);
