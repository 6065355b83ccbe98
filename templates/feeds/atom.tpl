{{%AUTOESCAPE context="XML"}}
<?xml version="1.0" encoding="utf-8"?>
{{!-- Atom 1.0 of the newest published releases, built by pages/feeds.c. --}}
{{!-- ITEM_DESCRIPTION is HTML escaped by feeds.c, carried as type="html" content. --}}
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xml:lang="id">
<id>{{FEED_ID}}</id>
<title type="text">{{FEED_TITLE}}</title>
<subtitle type="text">{{FEED_DESCRIPTION}}</subtitle>
<link rel="self" type="application/atom+xml" href="{{SELF_URL}}"/>
<link rel="alternate" type="text/html" href="{{SITE_URL}}"/>
<updated>{{FEED_UPDATED}}</updated>
<author><name>{{FEED_AUTHOR}}</name></author>
<generator>siaran</generator>
{{#ITEM}}<entry>
<id>{{ITEM_ID}}</id>
<title type="text">{{ITEM_TITLE}}</title>
<link rel="alternate" type="text/html" href="{{ITEM_URL}}"/>
<published>{{ITEM_PUBLISHED}}</published>
<updated>{{ITEM_UPDATED}}</updated>
<author><name>{{ITEM_UNIT}}</name><uri>{{ITEM_UNIT_URL}}</uri></author>
<category term="{{ITEM_KIND_LABEL}}" label="{{ITEM_KIND_LABEL}}"/>
{{#ITEM_NUMBER}}<dc:identifier>{{NUMBER}}</dc:identifier>
{{/ITEM_NUMBER}}<summary type="text">{{ITEM_SUMMARY}}</summary>
<content type="html">{{ITEM_DESCRIPTION}}</content>
{{!-- ITEM_ENCLOSURE: the lead photo (its 1200 px JPEG). --}}
{{#ITEM_ENCLOSURE}}<link rel="enclosure" href="{{ENCLOSURE_URL}}" length="{{ENCLOSURE_LENGTH}}" type="{{ENCLOSURE_TYPE}}"/>
{{/ITEM_ENCLOSURE}}</entry>
{{/ITEM}}</feed>
