// Test files for the upload tests, made here with Debian's libvips tools and exiftool: real
// photos (a JPEG carrying GPS, a camera serial number and an XMP author), a PNG, a WebP, PDFs
// (one with the metadata office programs leave, made by hand and with Debian's qpdf), and hostile
// files (wrong type, polyglots, SVG with script, pixel flood, truncated, empty).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

function vips(...args) {
	execFileSync('vips', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/* A noisy RGB photo of w × h saved as file (format from its suffix, options in [..]). */
function photo(dir, name, w, h) {
	const n = path.join(dir, `${name}-n.v`), c = path.join(dir, `${name}-c.v`);
	const rgb = path.join(dir, `${name}-rgb.v`);
	vips('gaussnoise', n, String(w), String(h), '--mean', '128', '--sigma', '40');
	vips('cast', n, c, 'uchar');
	vips('bandjoin', `${c} ${c} ${c}`, rgb);
	return rgb;
}

/* A PNG header claiming w × h with one tiny compressed row: a pixel flood. */
function pixelFlood(w, h) {
	const crcTable = new Int32Array(256).map((_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c;
	});
	const crc = (buf) => {
		let c = -1;
		for (const b of buf)
			c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
		return (c ^ -1) >>> 0;
	};
	const chunk = (type, data) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const td = Buffer.concat([Buffer.from(type), data]);
		const c = Buffer.alloc(4);
		c.writeUInt32BE(crc(td));
		return Buffer.concat([len, td, c]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(w, 0);
	ihdr.writeUInt32BE(h, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // RGB
	const idat = zlib.deflateSync(Buffer.alloc(1 + w * 3));
	return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'binary'), chunk('IHDR', ihdr),
		chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/* A PDF file from its objects (object i + 1 is objs[i]; a stream is [dict, data]), with a
 * correct cross-reference table; trailer holds extra trailer entries. */
function pdfFile(objs, trailer = '') {
	let out = '%PDF-1.4\n';
	const offsets = [];
	objs.forEach((o, i) => {
		offsets.push(Buffer.byteLength(out, 'latin1'));
		const body = Array.isArray(o)
			? `<< ${o[0]} /Length ${Buffer.byteLength(o[1], 'latin1')} >>\nstream\n${o[1]}\nendstream` : o;
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = Buffer.byteLength(out, 'latin1');
	out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
	for (const off of offsets)
		out += `${String(off).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

/* A small valid PDF with one page of text; catalog and page take extra dictionary entries. */
export function pdf(text = 'Bahan paparan', { catalog = '', page = '', more = [], trailer = '' } = {}) {
	return pdfFile([
		`<< /Type /Catalog /Pages 2 0 R ${catalog}>>`,
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> ${page}>>`,
		['', `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`],
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
		...more,
	], trailer);
}

/* An XMP packet naming a person and a path, as office programs write them. */
const xmp = (who) => `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:creator><rdf:Seq><rdf:li>${who}</rdf:li></rdf:Seq></dc:creator>
<pdf:Producer>Microsoft Word untuk Microsoft 365</pdf:Producer>
<xmp:CreatorTool>C:\\Users\\budi.santoso\\Dokumen\\draf-rahasia.docx</xmp:CreatorTool>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`;

/* The same one-page PDF as pdf(), carrying what staff tools leave behind: a document-info
 * dictionary (author, creator with a path, producer, title), XMP packets on the catalog and on
 * the page, an application's private data (/PieceInfo) and a file ID. */
export function pdfWithMetadata() {
	return pdf('Bahan paparan', {
		catalog: '/Metadata 6 0 R ',
		page: '/Metadata 7 0 R /PieceInfo << /Word << /Private (budi.santoso@dinkes.internal) /LastModified (D:20261101) >> >> ',
		more: [
			['/Type /Metadata /Subtype /XML', xmp('Budi Santoso')],
			['/Type /Metadata /Subtype /XML', xmp('Budi Santoso (halaman)')],
			'<< /Author (Budi Santoso) /Creator (Microsoft Word - C:\\\\Users\\\\budi.santoso\\\\draf-rahasia.docx) /Producer (Microsoft Word untuk Microsoft 365) /Title (Draf internal - jangan disebar) >>',
		],
		trailer: '/Info 8 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ',
	});
}

/* Runs Debian's qpdf on a buffer (args around the in and out file names); returns the output.
 * Exit code 3 (warnings only) counts as success. */
export function qpdf(buf, args, after = []) {
	const d = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-qpdf-'));
	try {
		const i = path.join(d, 'in.pdf'), o = path.join(d, 'out.pdf');
		fs.writeFileSync(i, buf);
		try {
			execFileSync('qpdf', [...args, i, ...after, o], { stdio: ['ignore', 'pipe', 'pipe'] });
		} catch (e) {
			if (e.status !== 3)
				throw e;
		}
		return fs.readFileSync(o);
	} finally {
		fs.rmSync(d, { recursive: true, force: true });
	}
}

let cached = null;

/* Makes the files once per process; returns { name: Buffer }. */
export function mediaFiles() {
	if (cached)
		return cached;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-media-files-'));
	const f = (n) => path.join(dir, n);
	const base = photo(dir, 'a', 1600, 1000);
	vips('copy', base, `${f('gps.jpg')}[Q=85]`);
	execFileSync('exiftool', ['-q', '-overwrite_original', '-GPSLatitude=6.1754', '-GPSLatitudeRef=S',
		'-GPSLongitude=106.8272', '-GPSLongitudeRef=E', '-SerialNumber=CAM123456',
		'-XMP-dc:Creator=Rahasia Fotografer', '-IPTC:By-line=Rahasia Fotografer', f('gps.jpg')]);
	const small = photo(dir, 'b', 800, 600);
	vips('copy', small, f('photo.png'));
	vips('copy', small, `${f('second.jpg')}[Q=80]`);
	vips('copy', small, `${f('photo.webp')}[Q=80]`);
	execFileSync('exiftool', ['-q', '-overwrite_original', '-GPSLatitude=6.2', '-GPSLatitudeRef=S',
		'-GPSLongitude=106.8', '-GPSLongitudeRef=E', f('photo.webp')]);
	vips('copy', small, f('photo.heic'));
	const tiny = photo(dir, 'c', 300, 200);
	vips('copy', tiny, `${f('tiny.jpg')}[Q=80]`);
	const read = (n) => fs.readFileSync(f(n));
	const gps = read('gps.jpg');
	cached = {
		dir,
		gpsJpeg: gps,
		png: read('photo.png'),
		webp: read('photo.webp'),
		heic: read('photo.heic'),
		second: read('second.jpg'),
		tiny: read('tiny.jpg'),
		pdf: pdf(),
		pdfMeta: pdfWithMetadata(),
		// The same, with the info dictionary inside a compressed object stream: its author,
		// creator and title are not visible in the bytes as uploaded.
		pdfMetaCompressed: qpdf(pdfWithMetadata(), ['--object-streams=generate', '--compress-streams=y']),
		hostile: {
			html: Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
			svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'),
			text: Buffer.from('bukan gambar, hanya teks biasa\n'),
			empty: Buffer.alloc(0),
			truncated: gps.subarray(0, Math.floor(gps.length / 2)),
			flood: pixelFlood(15000, 15000),
			jpegHtml: Buffer.concat([read('tiny.jpg'), Buffer.from('<html><script>alert(1)</script></html>')]),
			jpegPdf: Buffer.concat([read('tiny.jpg'), pdf()]),
			pdfScript: Buffer.from(pdf().toString('latin1').replace('/Type /Catalog',
				'/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), 'latin1'),
			// The same action with its names written with #-escapes (/J#61vaScript is /JavaScript
			// to every reader), and inside a compressed object stream: no byte search sees them.
			pdfScriptEscaped: pdf('Bahan', { catalog: '/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> ' }),
			pdfScriptCompressed: qpdf(pdf('Bahan', { catalog: '/OpenAction 6 0 R ',
				more: ['<< /S /JavaScript /JS (app.alert(1)) >>'] }), ['--object-streams=generate']),
			pdfAttachment: qpdf(pdf('Lampiran', { catalog: '/Names << /EmbeddedFiles << /Names [(a.exe) 6 0 R] >> >> ',
				more: ['<< /Type /Filespec /F (a.exe) /EF << /F 7 0 R >> >>', ['/Type /EmbeddedFile', 'MZ']] }),
			['--object-streams=generate']),
			pdfPassword: qpdf(pdf(), ['--encrypt', 'rahasia', 'pemilik', '256', '--']),
			pdfBroken: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R\nbukan PDF sama sekali\n%%EOF\n'),
			pdfNoPage: pdfFile(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']),
			fakePdf: Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n'),
		},
	};
	return cached;
}

/* n distinct small JPEG photos (w × h, noise), made once in a fresh directory: for tests that
 * upload many photos and want image processing to stay cheap. */
export function smallJpegs(n, w = 400, h = 300) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-small-jpegs-'));
	const out = [];
	for (let i = 0; i < n; i++) {
		const jpg = path.join(dir, `s${i}.jpg`);
		vips('copy', photo(dir, `s${i}`, w, h), `${jpg}[Q=75]`);
		out.push(fs.readFileSync(jpg));
	}
	fs.rmSync(dir, { recursive: true, force: true });
	return out;
}

/* exiftool's tags of a buffer, as one flat object (group:tag names). */
export function exif(buf) {
	const p = path.join(os.tmpdir(), `siaran-exif-${process.pid}-${Math.random().toString(16).slice(2)}`);
	fs.writeFileSync(p, buf);
	try {
		const out = execFileSync('exiftool', ['-j', '-a', '-G1', '-n', p], { encoding: 'utf8' });
		return JSON.parse(out)[0];
	} finally {
		fs.unlinkSync(p);
	}
}
