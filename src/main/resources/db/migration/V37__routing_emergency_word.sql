-- The word that made a ticket an emergency (e.g. 着火), shown with it at the top of the dispatch
-- queue. Null for tickets routed before this column and for every non-emergency decision.
ALTER TABLE ticket_routing ADD COLUMN emergency_word text;
