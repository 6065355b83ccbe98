{{%AUTOESCAPE context="HTML"}}
<section class="comments" id="komentar" aria-labelledby="komentar-title">
<h2 class="section-title" id="komentar-title">Percakapan <span class="comment-count">({{COMMENT_COUNT}})</span></h2>
{{#UNIT_HINT}}<p class="hint">Percakapan antara unit Anda dan editor Humas tentang permintaan ini.</p>{{/UNIT_HINT}}
{{#STAFF_HINT}}<p class="hint">Komentar terlihat oleh kontributor unit dan Humas. Catatan internal hanya terlihat oleh editor dan admin.</p>{{/STAFF_HINT}}
{{#LOAD_ERROR}}<div class="alert alert-error" role="alert"><p>Komentar tidak dapat dimuat saat ini. Muat ulang halaman.</p></div>{{/LOAD_ERROR}}
{{#EMPTY}}<p class="comments-empty">Belum ada komentar.</p>{{/EMPTY}}
{{#HAS_COMMENTS}}<ol class="comment-list">
{{#COMMENT}}<li class="comment comment-by-{{C_ROLE}}{{#INTERNAL}} comment-internal{{/INTERNAL}}{{#OWN}} comment-own{{/OWN}}" id="komentar-{{C_ID}}">
<p class="comment-head"><span class="comment-author">{{C_AUTHOR}}</span>
<span class="comment-role">{{C_ROLE_LABEL}}</span>{{#INTERNAL}}
<span class="badge badge-internal">Catatan internal</span>{{/INTERNAL}}
<time class="comment-at" datetime="{{C_AT_ISO}}">{{C_AT}}</time></p>
<p class="comment-body">{{C_BODY:pre_escape}}</p>
</li>
{{/COMMENT}}</ol>{{/HAS_COMMENTS}}
<form class="comment-form" method="post" action="/requests/{{REQ_ID}}/comments">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<div class="field{{#FORM_ERROR}} has-error{{/FORM_ERROR}}">
<label for="comment-body">Tulis komentar</label>
{{#FORM_ERROR}}<p class="field-error" id="comment-body-error">{{MESSAGE}}</p>{{/FORM_ERROR}}
<textarea id="comment-body" name="body" rows="4" maxlength="4000" required{{#FORM_ERROR}} aria-invalid="true" aria-describedby="comment-body-error"{{/FORM_ERROR}}>{{BODY_VALUE}}</textarea>
</div>
{{#INTERNAL_OPTION}}<div class="field check-field">
<input type="checkbox" id="comment-internal" name="internal" value="1"{{#INTERNAL_CHECKED}} checked{{/INTERNAL_CHECKED}}>
<label for="comment-internal">Catatan internal (tidak terlihat oleh unit)</label>
</div>{{/INTERNAL_OPTION}}
<div class="comment-actions"><button type="submit" class="btn btn-primary">Kirim komentar</button></div>
</form>
</section>
{{#AUDIT}}<section class="audit-trail" id="jejak-audit" aria-labelledby="jejak-title">
<h2 class="section-title" id="jejak-title">Jejak audit</h2>
<p class="hint">Setiap pembuatan, perubahan, tindakan dan komentar pada permintaan ini, terbaru di atas. Hanya terlihat oleh Humas.</p>
{{#AUDIT_ERROR}}<div class="alert alert-error" role="alert"><p>Jejak audit tidak dapat dimuat saat ini.</p></div>{{/AUDIT_ERROR}}
{{#AUDIT_EMPTY}}<p class="muted">Belum ada entri.</p>{{/AUDIT_EMPTY}}
{{#AUDIT_TABLE}}<div class="table-wrap">
<table class="table audit-table">
<caption class="visually-hidden">Jejak audit permintaan #{{REQ_ID}}: waktu, pelaku, tindakan dan keterangan</caption>
<thead>
<tr>
<th scope="col">Waktu</th>
<th scope="col">Pelaku</th>
<th scope="col">Tindakan</th>
<th scope="col">Keterangan</th>
{{#SHOW_CLIENT}}<th scope="col">Alamat</th>{{/SHOW_CLIENT}}
</tr>
</thead>
<tbody>
{{#ENTRY}}<tr>
<td data-label="Waktu" class="cell-date"><time datetime="{{A_AT_ISO}}">{{A_AT}}</time></td>
<td data-label="Pelaku">{{A_ACTOR}}</td>
<td data-label="Tindakan">{{A_ACTION_LABEL}}</td>
<td data-label="Keterangan">{{A_DETAIL}}</td>
{{#A_CLIENT_CELL}}<td data-label="Alamat" class="cell-client"><span class="client-addr">{{A_CLIENT}}</span></td>{{/A_CLIENT_CELL}}
</tr>
{{/ENTRY}}</tbody>
</table>
</div>{{/AUDIT_TABLE}}
{{#MORE}}<p class="small muted">Menampilkan {{AUDIT_LIMIT}} entri terbaru.</p>{{/MORE}}
{{#ADMIN_LINK}}<p class="small"><a href="/admin/audit?object_type=request&amp;object_id={{REQ_ID}}">Buka di log audit</a></p>{{/ADMIN_LINK}}
</section>{{/AUDIT}}
