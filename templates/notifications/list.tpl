{{%AUTOESCAPE context="HTML"}}
<div class="page notifications-page">
<div class="page-head page-head-split">
<div>
<h1>Notifikasi</h1>
<p class="intro" role="status">{{#HAS_UNREAD}}{{UNREAD_TOTAL}} belum dibaca.{{/HAS_UNREAD}}{{#ALL_READ}}Semua notifikasi sudah dibaca.{{/ALL_READ}}</p>
</div>
{{#HAS_UNREAD}}<form class="page-head-action" method="post" action="/notifications/read">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<button type="submit" class="btn btn-secondary">Tandai semua sudah dibaca</button>
</form>{{/HAS_UNREAD}}
</div>
{{#EMPTY}}<p class="empty">Belum ada notifikasi.</p>{{/EMPTY}}
{{#HAS_ITEMS}}<ol class="timeline notification-list">
{{#ITEM}}<li class="notification{{#UNREAD}} notification-unread{{/UNREAD}}" id="n{{N_ID}}">
<p class="h-head"><span class="h-at">{{N_AT}}</span>{{#UNREAD}} <span class="badge state-submitted">Baru<span class="visually-hidden">, belum dibaca</span></span>{{/UNREAD}}</p>
<p class="h-what">{{#LINK}}<a href="/requests/{{N_REQ_ID}}">{{N_TEXT}}</a>{{/LINK}}{{#NO_LINK}}{{N_TEXT}}{{/NO_LINK}}</p>
{{#UNREAD}}<form method="post" action="/notifications/read">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<input type="hidden" name="id" value="{{N_ID}}">
<button type="submit" class="btn btn-small btn-secondary">Tandai sudah dibaca<span class="visually-hidden">: {{N_TEXT}}</span></button>
</form>{{/UNREAD}}
</li>
{{/ITEM}}</ol>{{/HAS_ITEMS}}
{{#MORE}}<nav class="pager" aria-label="Halaman notifikasi">
{{#NEWEST}}<a class="pager-link pager-prev" href="/notifications">← Terbaru</a>{{/NEWEST}}
<a class="pager-link pager-next" href="/notifications?before={{BEFORE:u}}" rel="next">Lebih lama →</a>
</nav>{{/MORE}}
{{#LAST_PAGE}}<nav class="pager" aria-label="Halaman notifikasi">
<a class="pager-link pager-prev" href="/notifications">← Terbaru</a>
</nav>{{/LAST_PAGE}}
</div>
