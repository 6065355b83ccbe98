{{%AUTOESCAPE context="XML"}}
<?xml version="1.0" encoding="UTF-8"?>
{{!-- sitemaps.org 0.9: the fixed public pages, every unit page and every published release. --}}
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{#URL}}<url><loc>{{LOC}}</loc>{{#LASTMOD}}<lastmod>{{LASTMOD_DATE}}</lastmod>{{/LASTMOD}}</url>
{{/URL}}</urlset>
