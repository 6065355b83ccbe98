{{%AUTOESCAPE context="XML"}}
<?xml version="1.0" encoding="utf-8"?>
{{!-- RSS 2.0 of the newest published releases, built by pages/feeds.c. --}}
{{!-- ITEM_DESCRIPTION is HTML escaped by feeds.c, escaped here once more: RSS wants entity-encoded HTML. --}}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>{{FEED_TITLE}}</title>
<link>{{SITE_URL}}</link>
<description>{{FEED_DESCRIPTION}}</description>
<language>id</language>
<atom:link href="{{SELF_URL}}" rel="self" type="application/rss+xml"/>
{{#LAST_BUILD}}<lastBuildDate>{{LAST_BUILD_DATE}}</lastBuildDate>
{{/LAST_BUILD}}<generator>siaran</generator>
{{#ITEM}}<item>
<title>{{ITEM_TITLE}}</title>
<link>{{ITEM_URL}}</link>
<guid isPermaLink="false">{{ITEM_ID}}</guid>
<pubDate>{{ITEM_PUBDATE}}</pubDate>
<description>{{ITEM_DESCRIPTION}}</description>
<dc:creator>{{ITEM_UNIT}}</dc:creator>
<category>{{ITEM_KIND_LABEL}}</category>
{{#ITEM_NUMBER}}<dc:identifier>{{NUMBER}}</dc:identifier>
{{/ITEM_NUMBER}}{{!-- ITEM_ENCLOSURE: the lead photo (its 1200 px JPEG). --}}
{{#ITEM_ENCLOSURE}}<enclosure url="{{ENCLOSURE_URL}}" length="{{ENCLOSURE_LENGTH}}" type="{{ENCLOSURE_TYPE}}"/>
{{/ITEM_ENCLOSURE}}</item>
{{/ITEM}}</channel>
</rss>
