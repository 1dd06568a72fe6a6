// Live arrivals on the alert list: each alert the stream sends that matches the page's type and status filters is
// added on top. Text goes in with textContent only, never as HTML.
(function () {
  var table = document.getElementById('alerts');
  var live = document.getElementById('live');
  if (!table || !window.EventSource) { return; }
  var body = table.tBodies[0];
  var wantType = table.dataset.type, wantStatus = table.dataset.status;
  function cell(row, text, cls) { var td = row.insertCell(-1); td.textContent = text == null ? '' : text; if (cls) { td.className = cls; } return td; }
  var severities = { HIGH: '高', MEDIUM: '中', LOW: '低' };
  // Type and status names as the filter form shows them.
  function label(select, value) { var o = document.querySelector('#' + select + ' option[value="' + value + '"]'); return o ? o.textContent : value; }
  function recordText(r) { return r.label ? '另一所学校（' + r.cityCode + '）' : r.schoolCode + ' · ' + r.name + ' · ' + r.idNumberMasked; }
  var source = new EventSource('/api/v1/alerts/stream');
  source.onopen = function () { live.textContent = '实时更新：已连接'; };
  source.onerror = function () { live.textContent = '实时更新：重新连接中…'; };
  source.addEventListener('alert', function (event) {
    var a = JSON.parse(event.data);
    if ((wantType && a.type !== wantType) || (wantStatus && a.status !== wantStatus)) { return; }
    if (body.querySelector('tr[data-alert-id="' + a.id + '"]')) { return; }
    var row = body.insertRow(0);
    row.dataset.alertId = a.id;
    row.className = 'new';
    cell(row, a.raisedAt); cell(row, label('type', a.type));
    var sev = cell(row, ''); var badge = document.createElement('span'); badge.className = 'badge ' + a.severity; badge.textContent = severities[a.severity] || a.severity; sev.appendChild(badge);
    cell(row, label('status', a.status)); cell(row, a.score, 'num');
    var recs = cell(row, '');
    a.records.forEach(function (r, i) { if (i) { recs.appendChild(document.createElement('br')); } recs.appendChild(document.createTextNode(recordText(r))); });
    var link = document.createElement('a'); link.href = '/console/alerts/' + a.id; link.textContent = '查看'; row.insertCell(-1).appendChild(link);
    live.textContent = '实时更新：新预警（' + label('type', a.type) + '）';
  });
})();
