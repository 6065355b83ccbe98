-- The dashboard's figures read a period of events: publications by time (also per unit, for the
-- last publication of a silent unit, including releases unpublished since), and transitions by
-- action and time (first submissions, rejections, editors' decisions).

CREATE INDEX requests_published_any ON requests(published_at) WHERE published_at IS NOT NULL;
CREATE INDEX requests_unit_published_any ON requests(unit_id, published_at)
	WHERE published_at IS NOT NULL;
CREATE INDEX transitions_action_at ON transitions(action, at);
