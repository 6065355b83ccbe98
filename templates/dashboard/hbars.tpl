{{%AUTOESCAPE context="HTML"}}
<div class="chart-wrap">
<svg class="chart chart-hbars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{W}} {{H}}" width="{{W}}" height="{{H}}" role="img" aria-labelledby="{{ID}}-title {{ID}}-desc">
<title id="{{ID}}-title">{{TITLE}}</title>
<desc id="{{ID}}-desc">{{DESC}}</desc>
{{#TICK}}<line class="chart-grid" x1="{{X}}" y1="{{Y1}}" x2="{{X}}" y2="{{Y2}}"></line>
<text class="chart-axis-label chart-middle" x="{{X}}" y="{{LY}}">{{LABEL}}</text>
{{/TICK}}{{#ROW}}<text class="chart-label chart-end" x="{{LX}}" y="{{LY}}">{{TEXT}}<title>{{FULL}}</title></text>
{{#BAR}}<rect class="chart-bar chart-s{{S}}" x="{{X}}" y="{{Y}}" width="{{BW}}" height="{{BH}}"><title>{{TIP}}</title></rect>
<text class="chart-value" x="{{VX}}" y="{{VY}}">{{VALUE}}</text>
{{/BAR}}{{/ROW}}<line class="chart-zero" x1="{{X0}}" y1="{{Y1}}" x2="{{X0}}" y2="{{Y2}}"></line>
</svg>
</div>
{{#LEGEND}}<ul class="chart-legend">
{{#ITEM}}<li><span class="chart-key chart-s{{S}}"></span>{{TEXT}}</li>
{{/ITEM}}</ul>{{/LEGEND}}
