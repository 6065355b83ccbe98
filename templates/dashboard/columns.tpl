{{%AUTOESCAPE context="HTML"}}
<div class="chart-wrap">
<svg class="chart chart-columns" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{W}} {{H}}" width="{{W}}" height="{{H}}" role="img" aria-labelledby="{{ID}}-title {{ID}}-desc">
<title id="{{ID}}-title">{{TITLE}}</title>
<desc id="{{ID}}-desc">{{DESC}}</desc>
{{#TICK}}<line class="chart-grid" x1="{{X1}}" y1="{{Y}}" x2="{{X2}}" y2="{{Y}}"></line>
<text class="chart-axis-label chart-end" x="{{LX}}" y="{{Y}}">{{LABEL}}</text>
{{/TICK}}{{#BAR}}<rect class="chart-bar chart-s{{S}}" x="{{X}}" y="{{Y}}" width="{{BW}}" height="{{BH}}"><title>{{TIP}}</title></rect>
{{/BAR}}{{#VALUE}}<text class="chart-value chart-middle" x="{{X}}" y="{{Y}}">{{TEXT}}</text>
{{/VALUE}}{{#XLABEL}}<text class="chart-label chart-middle" x="{{X}}" y="{{Y}}">{{TEXT}}</text>
{{/XLABEL}}<line class="chart-zero" x1="{{X1}}" y1="{{ZERO}}" x2="{{X2}}" y2="{{ZERO}}"></line>
</svg>
</div>
