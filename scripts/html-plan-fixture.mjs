/**
 * Writes fixtures/plans/html/bao-cao-xuat-word.doc: a district's report as an e-government system's "export to Word"
 * hands it over: HTML (Word's Office namespaces, a conditional comment, a list number in `<![if !supportLists]>`, a
 * two-row header with rowspan and colspan) served and saved as .doc. Names: Na Hang's twelve communes; figures
 * constructed to add up to Na Hang's in the seed annex (10.468 → 10.580 households, 3.094 poor, 390 out), every rate
 * computed the annex's way; one slip planted: Xã Sinh Long's end-of-year poor households typed 234 for 243 (its
 * last two digits swapped).
 * Also writes fixtures/plans/html/money-total-off.mht: money-total-off.html (LibreOffice's web page of
 * plans/planted/money-total-off.docx) as Word saves a "Single File Web Page": a MIME message of related parts, the
 * page in quoted-printable (lines of 76 characters, `=` escapes), an image part after it.
 *   node scripts/html-plan-fixture.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const communes = ['Thị trấn Na Hang', 'Xã Sinh Long', 'Xã Thượng Giáp', 'Xã Thượng Nông', 'Xã Côn Lôn', 'Xã Yên Hoa', 'Xã Hồng Thái', 'Xã Đà Vị', 'Xã Khau Tinh', 'Xã Sơn Phú', 'Xã Năng Khả', 'Xã Thanh Tương'];
const weights = [16, 9, 7, 8, 6, 10, 7, 9, 4, 6, 8, 10];
/** `total` split by the weights, the remainder on the first units: whole numbers that add up exactly. */
function split(total) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  for (let i = 0, rest = total - parts.reduce((a, b) => a + b, 0); rest > 0; i++, rest--) parts[i % parts.length]++;
  return parts;
}
const h0 = split(10468), h1 = split(10580), p0 = split(3094), out = split(390);
const p1 = p0.map((p, i) => p - out[i]);
const vi = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
// Half-up at two decimals, in integers (hundredths of a point): exact for these sizes.
const rate = (p, h) => Math.floor((p * 20000) / h + 1) >> 1;
const pct = (hundredths) => `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
const row = (stt, name, a, b, c, d, e, typedEnd = e) => {
  const r0 = rate(c, a), r1 = rate(e, b);
  return `<tr><td>${stt}</td><td>${name}</td><td>${vi(a)}</td><td>${vi(b)}</td><td>${vi(c)}</td><td>${vi(d)}</td><td>${vi(typedEnd)}</td><td>${pct(r0)}</td><td>${pct(r0 - r1)}</td><td>${pct(r1)}</td></tr>`;
};
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const rows = [row('', '<b>Toàn huyện</b>', sum(h0), sum(h1), sum(p0), sum(out), sum(p1)), ...communes.map((c, i) => row(i + 1, c, h0[i], h1[i], p0[i], out[i], p1[i], i === 1 ? 234 : p1[i]))];
if (p1[1] !== 243) throw new Error(`the planted slip expects Sinh Long's 243, not ${p1[1]}`);
const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Báo cáo kết quả giảm nghèo năm 2020</title>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View><w:Zoom>100</w:Zoom></w:WordDocument></xml><![endif]-->
<style>
@page Section1 { size: 841.9pt 595.3pt; margin: 1.0in 0.75in 1.0in 0.75in; }
div.Section1 { page: Section1; }
td { border: solid windowtext 1.0pt; font-family: "Times New Roman"; font-size: 12pt; }
</style>
</head>
<body lang=VI>
<div class=Section1>
<p align=center><b>ỦY BAN NHÂN DÂN HUYỆN NA HANG</b></p>
<p align=center><b>BÁO CÁO</b><br><b>Kết quả thực hiện Chương trình giảm nghèo năm 2020</b></p>
<p>Thực hiện Kế hoạch số 21/KH-UBND ngày 03/3/2020 của Ủy ban nhân dân tỉnh Tuyên Quang về thực hiện Chương trình giảm nghèo năm 2020, Ủy ban nhân dân huyện Na Hang báo cáo kết quả thực hiện như sau:</p>
<h2>I. KẾT QUẢ THỰC HIỆN</h2>
<p class=MsoListParagraph style='text-indent:-18.0pt'><![if !supportLists]><span>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Kết quả giảm nghèo: tỷ lệ hộ nghèo toàn huyện giảm 4,00% (từ 29,56% xuống còn 25,56%), số hộ nghèo giảm 390 hộ, vượt chỉ tiêu được giao; các xã đặc biệt khó khăn đều giảm từ 3% trở lên.</p>
<p class=MsoListParagraph style='text-indent:-18.0pt'><![if !supportLists]><span>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Kết quả cụ thể của từng xã, thị trấn theo biểu dưới đây; số liệu do Ủy ban nhân dân các xã, thị trấn báo cáo sau khi rà soát cuối năm.</p>
<table border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
<tr><td rowspan=2>STT</td><td rowspan=2>Đơn vị</td><td colspan=2>Tổng số hộ</td><td colspan=3>Số hộ nghèo</td><td colspan=3>Tỷ lệ hộ nghèo (%)</td></tr>
<tr><td>Đầu năm</td><td>Cuối năm</td><td>Đầu năm</td><td>Giảm trong năm</td><td>Cuối năm</td><td>Đầu năm</td><td>Giảm trong năm</td><td>Cuối năm</td></tr>
${rows.join('\n')}
</table>
<h2>II. NHIỆM VỤ NĂM 2021</h2>
<p>Tiếp tục thực hiện đồng bộ, có hiệu quả các chính sách giảm nghèo; tập trung hỗ trợ các xã đặc biệt khó khăn, các thôn bản vùng cao để giảm nghèo bền vững, hạn chế tái nghèo và phát sinh nghèo mới.</p>
<p align=right><b>TM. ỦY BAN NHÂN DÂN HUYỆN</b></p>
</div>
</body>
</html>
`;
writeFileSync(join(root, 'fixtures', 'plans', 'html', 'bao-cao-xuat-word.doc'), html);

/** Quoted-printable (RFC 2045) as Word writes it: bytes outside printable ASCII and `=` escaped, soft breaks at 76. */
function quotedPrintable(bytes) {
  const lines = [];
  for (const line of Buffer.from(bytes).toString('latin1').split('\n')) {
    let out = '';
    let width = 0;
    for (const ch of line.replace(/\r$/, '')) {
      const c = ch.charCodeAt(0);
      const piece = c === 0x3d || c > 0x7e || (c < 0x20 && c !== 0x09) ? `=${c.toString(16).toUpperCase().padStart(2, '0')}` : ch;
      if (width + piece.length > 75) {
        out += '=\r\n';
        width = 0;
      }
      out += piece;
      width += piece.length;
    }
    lines.push(out);
  }
  return lines.join('\r\n');
}
const page = readFileSync(join(root, 'fixtures', 'plans', 'html', 'money-total-off.html'));
const boundary = '----=_NextPart_01DB4C2A.5E8F3A10';
const mht = [
  'MIME-Version: 1.0',
  `Content-Type: multipart/related; boundary="${boundary}"`,
  '',
  'This document is a Single File Web Page, also known as a Web Archive file.  If you are seeing this message, your browser or editor doesn\'t support Web Archive files.  Please download a browser that supports Web Archive, such as Windows® Internet Explorer®.',
  '',
  `--${boundary}`,
  'Content-Location: file:///C:/Users/sldtbxh/Documents/ke-hoach-giam-ngheo-2020.htm',
  'Content-Transfer-Encoding: quoted-printable',
  'Content-Type: text/html; charset="utf-8"',
  '',
  quotedPrintable(page),
  '',
  `--${boundary}`,
  'Content-Location: file:///C:/Users/sldtbxh/Documents/ke-hoach-giam-ngheo-2020_files/image001.png',
  'Content-Transfer-Encoding: base64',
  'Content-Type: image/png',
  '',
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  '',
  `--${boundary}--`,
  '',
].join('\r\n');
writeFileSync(join(root, 'fixtures', 'plans', 'html', 'money-total-off.mht'), mht, 'latin1');
