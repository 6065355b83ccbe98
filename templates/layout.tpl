{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} — Siaran Pers Pemprov DKI Jakarta</title>
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="alternate" type="application/rss+xml" title="Siaran Pers Pemprov DKI Jakarta (RSS)" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" title="Siaran Pers Pemprov DKI Jakarta (Atom)" href="/atom.xml">
{{#META}}<link rel="canonical" href="{{CANONICAL}}">
<meta property="og:title" content="{{OG_TITLE}}">
<meta property="og:description" content="{{OG_DESCRIPTION}}">
<meta property="og:type" content="{{OG_TYPE}}">
<meta property="og:url" content="{{CANONICAL}}">
<meta property="og:site_name" content="{{OG_SITE}}">
<meta property="og:locale" content="id_ID">
<meta property="article:published_time" content="{{OG_PUBLISHED}}">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="{{OG_TITLE}}">
<meta name="twitter:description" content="{{OG_DESCRIPTION}}">
{{! JSONLD_JSON is the one unescaped value of the layout: fill_sharing in public.c builds it with }}
{{! jansson and writes <, > and & as \u003c, \u003e and \u0026, so it is valid JSON that cannot }}
{{! end the script element. Do not put any other value here with :none. }}
<script type="application/ld+json">{{JSONLD_JSON:none}}</script>
{{/META}}</head>
<body>
<a class="skip-link" href="#main">Langsung ke isi</a>
<header class="site-header">
<div class="wrap header-inner">
<a class="brand" href="/">
<img class="brand-mark" src="/static/favicon.svg" alt="" width="44" height="44">
<span class="brand-text"><span class="brand-name">Siaran Pers Pemerintah Provinsi DKI Jakarta</span>
<span class="brand-sub">Dinas Komunikasi, Informatika dan Statistik</span></span>
</a>
</div>
<nav class="site-nav" aria-label="Navigasi utama">
<div class="wrap nav-inner">
<ul class="nav-links">
<li><a href="/">Beranda</a></li>
<li><a href="/search">Cari</a></li>
<li><a href="/agenda">Agenda</a></li>
<li><a href="/units">Perangkat Daerah</a></li>
{{#SIGNED_IN}}<li><a href="/requests">Permintaan</a></li>
{{#CAN_CREATE}}<li><a href="/requests/new">Buat permintaan</a></li>{{/CAN_CREATE}}
<li><a href="{{DASHBOARD_HREF}}">Dasbor</a></li>
<li><a class="nav-notifications" href="/notifications">Notifikasi{{#UNREAD}} <span class="badge nav-badge">{{UNREAD_COUNT}}</span><span class="visually-hidden"> belum dibaca</span>{{/UNREAD}}</a></li>
{{#IS_ADMIN}}<li><a href="/admin/users">Pengguna</a></li>
<li><a href="/admin/units">Unit</a></li>{{/IS_ADMIN}}
<li><a href="/account/sessions">Akun</a></li>{{/SIGNED_IN}}
{{#ANONYMOUS}}<li><a href="/login">Masuk</a></li>{{/ANONYMOUS}}
</ul>
{{#SIGNED_IN}}<div class="nav-user">
<p class="user-info"><span class="visually-hidden">Masuk sebagai </span><span class="user-name">{{USER_NAME}}</span>
<span class="user-meta"><span class="user-role">{{USER_ROLE}}</span><span class="user-unit">{{USER_UNIT}}</span></span></p>
<form class="logout-form" method="post" action="/logout">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<button type="submit" class="btn btn-small btn-ghost">Keluar</button>
</form>
</div>{{/SIGNED_IN}}
</div>
</nav>
</header>
<main id="main" class="wrap site-main" tabindex="-1">
{{>CONTENT}}
</main>
<footer class="site-footer">
<div class="wrap footer-inner">
<p class="footer-name">Pemerintah Provinsi Daerah Khusus Ibukota Jakarta</p>
<p>Dinas Komunikasi, Informatika dan Statistik — layanan publikasi siaran pers perangkat daerah.</p>
<p class="footer-note">Seluruh waktu dalam Waktu Indonesia Barat (WIB).</p>
</div>
</footer>
</body>
</html>
