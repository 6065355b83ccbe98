{{%AUTOESCAPE context="HTML"}}
<div class="page">
<div class="page-head">
<h1>Akun dan sesi</h1>
<p class="intro">{{USER_NAME}} · {{USER_EMAIL}} · {{USER_ROLE}}. <a href="/account/password">Ganti kata sandi</a></p>
</div>
{{#NOTICE}}<div class="alert" role="status"><p>{{NOTICE_TEXT}}</p></div>{{/NOTICE}}
<h2 class="section-title">Sesi yang masih aktif</h2>
<p>Setiap perangkat atau peramban tempat Anda masuk adalah satu sesi. Akhiri sesi yang tidak Anda kenali, lalu ganti kata sandi Anda.</p>
<div class="table-wrap">
<table class="table sessions-table">
<caption class="visually-hidden">Sesi aktif: waktu masuk, terakhir aktif dan alamat</caption>
<thead><tr><th scope="col">Masuk</th><th scope="col">Terakhir aktif</th><th scope="col">Alamat</th><th scope="col"><span class="visually-hidden">Tindakan</span></th></tr></thead>
<tbody>
{{#SESSION}}<tr id="session-{{S_ID}}">
<td data-label="Masuk">{{S_CREATED}}{{#CURRENT}} <span class="badge state-published">sesi ini</span>{{/CURRENT}}</td>
<td data-label="Terakhir aktif">{{S_SEEN}}</td>
<td data-label="Alamat">{{S_CLIENT}}</td>
<td><form method="post" action="/account/sessions/{{S_ID}}/end">
<input type="hidden" name="csrf_token" value="{{CSRF}}">
<button type="submit" class="btn btn-small btn-secondary">{{#CURRENT}}Keluar{{/CURRENT}}{{#OTHER}}Akhiri sesi<span class="visually-hidden"> dari {{S_CLIENT}}, masuk {{S_CREATED}}</span>{{/OTHER}}</button>
</form></td>
</tr>
{{/SESSION}}</tbody>
</table>
</div>
</div>
