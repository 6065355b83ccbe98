#!/usr/bin/env node
// Writes SQL (to standard output, for the sqlite3 command-line shell) that fills a migrated
// siaran database with N published releases for the benchmark: realistic Indonesian titles, leads
// and Markdown bodies put together from word lists (well over a thousand distinct words, picked
// with a skew so that some words are in most releases and others in few: search has work to do),
// ~80% press releases and ~20% media advisories with event times, numbers "N/SP/CODE/XI/2026"
// gapless per year and kind, unique slugs made like slug_from_title() makes them, published_at
// spread over three years up to now, quotes for more than a third, and number_sequences to match.
// The search index and statistics come after, from index.sql.
//
//   node tests/bench/gen-data.mjs --units UNITS.tsv --user ID [--count N] [--seed S] [--now T]
//
// UNITS.tsv: "id<TAB>code<TAB>name" lines (sqlite3 -separator). The same seed gives the same data.

import { readFileSync } from 'node:fs';

const args = Object.create(null);
for (let i = 2; i < process.argv.length; i += 2) {
	const k = process.argv[i];
	if (!k.startsWith('--') || i + 1 >= process.argv.length) {
		process.stderr.write(`usage: gen-data.mjs --units FILE --user ID [--count N] [--seed S] [--now T]\n`);
		process.exit(2);
	}
	args[k.slice(2)] = process.argv[i + 1];
}
const COUNT = Number(args.count ?? 100000);
const USER = Number(args.user);
const NOW = Number(args.now ?? Math.floor(Date.now() / 1000));
let seed = Number(args.seed ?? 20261101) >>> 0;
if (!args.units || !Number.isInteger(USER) || !Number.isInteger(COUNT) || COUNT < 1) {
	process.stderr.write('gen-data.mjs: --units and --user are required\n');
	process.exit(2);
}
const units = readFileSync(args.units, 'utf8').split('\n').filter(Boolean).map((l) => {
	const [id, code, name] = l.split('\t');
	return { id: Number(id), code, name };
});

// --- deterministic randomness (mulberry32) ---
function rnd() {
	seed = (seed + 0x6d2b79f5) >>> 0;
	let t = seed;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = (a) => a[Math.floor(rnd() * a.length)];
// Skewed towards the start of the list: the first entries are common, the last ones rare.
const pickSkew = (a, power = 2.2) => a[Math.floor(a.length * rnd() ** power)];
const chance = (p) => rnd() < p;
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const titleCase = (s) => s.split(' ').map((w) => (/^[a-z]/.test(w) && !SMALL.has(w) ? cap(w) : w)).join(' ');
const SMALL = new Set(['di', 'dan', 'ke', 'dari', 'untuk', 'bagi', 'yang', 'dengan', 'pada', 'oleh', 'atau', 'se']);
const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

// --- word lists ---
const TOPICS = [
	// kesehatan
	'vaksinasi campak', 'imunisasi polio', 'pemeriksaan kesehatan gratis', 'posyandu balita',
	'penanganan stunting', 'pemberantasan sarang nyamuk', 'pengasapan demam berdarah',
	'layanan puskesmas', 'ambulans gawat darurat', 'donor darah', 'skrining tuberkulosis',
	'layanan kesehatan jiwa', 'gizi ibu hamil', 'pemberian vitamin A', 'cek kesehatan lansia',
	'pelayanan rumah sakit daerah', 'jaminan kesehatan warga', 'vaksinasi influenza',
	'penanganan hepatitis', 'kesehatan reproduksi remaja', 'sanitasi lingkungan',
	// perhubungan
	'jalur sepeda terproteksi', 'bus sekolah gratis', 'layanan Transjakarta', 'rekayasa lalu lintas',
	'uji emisi kendaraan', 'penertiban parkir liar', 'revitalisasi trotoar', 'halte terintegrasi',
	'jembatan penyeberangan orang', 'angkutan umum terintegrasi', 'integrasi tarif Jaklingko',
	'pembatasan ganjil genap', 'kawasan rendah emisi', 'simpang susun', 'angkutan mudik gratis',
	'stasiun MRT', 'jalur LRT', 'mikrotrans', 'perparkiran elektronik', 'uji kelaikan kendaraan',
	// sumber daya air
	'normalisasi sungai', 'pengerukan waduk', 'perbaikan saluran air', 'pompa stasioner',
	'tanggul pantai', 'sumur resapan', 'pintu air', 'penanganan genangan', 'antisipasi banjir rob',
	'drainase vertikal', 'polder', 'penyediaan air bersih', 'instalasi pengolahan air limbah',
	// lingkungan
	'pengurangan sampah plastik', 'bank sampah', 'pemantauan kualitas udara', 'ruang terbuka hijau',
	'penanaman pohon', 'taman kota', 'pengolahan sampah organik', 'kendaraan listrik',
	'penurunan emisi karbon', 'hutan kota', 'penanaman mangrove', 'daur ulang minyak jelantah',
	'pengelolaan limbah B3', 'uji emisi cerobong industri', 'kompos rumah tangga', 'biopori',
	// pendidikan
	'Kartu Jakarta Pintar Plus', 'rehabilitasi sekolah negeri', 'penerimaan peserta didik baru',
	'beasiswa mahasiswa', 'perpustakaan keliling', 'literasi digital', 'kesejahteraan guru honorer',
	'sekolah ramah anak', 'pendidikan inklusif', 'sekolah swasta gratis', 'pelatihan guru',
	// sosial
	'bantuan sosial tunai', 'Kartu Lansia Jakarta', 'layanan penyandang disabilitas',
	'pembinaan anak jalanan', 'panti sosial', 'pangan murah', 'sembako bersubsidi', 'dapur umum',
	'Kartu Penyandang Disabilitas Jakarta', 'pemberdayaan perempuan', 'perlindungan anak',
	'pencegahan kekerasan dalam rumah tangga', 'pusat pembelajaran keluarga',
	// ekonomi
	'pelatihan pelaku UMKM', 'revitalisasi pasar tradisional', 'stabilisasi harga bahan pokok',
	'promosi investasi', 'pajak kendaraan bermotor', 'pajak bumi dan bangunan', 'retribusi daerah',
	'pelatihan kerja', 'bursa lowongan kerja', 'penguatan koperasi', 'ekonomi kreatif',
	'promosi pariwisata', 'pemutihan denda pajak', 'Jakpreneur', 'pasar murah',
	'ketahanan pangan', 'urban farming', 'budidaya ikan', 'pengendalian inflasi daerah',
	// pemerintahan
	'pelayanan terpadu satu pintu', 'perizinan daring', 'administrasi kependudukan',
	'KTP elektronik', 'akta kelahiran', 'disiplin aparatur sipil negara', 'reformasi birokrasi',
	'penyusunan anggaran daerah', 'pengadaan barang dan jasa', 'pengamanan aset daerah',
	'musyawarah perencanaan pembangunan', 'seleksi jabatan pimpinan tinggi', 'rekrutmen PPPK',
	'keterbukaan informasi publik', 'survei kepuasan masyarakat', 'pengawasan internal',
	// kebencanaan dan ketertiban
	'pencegahan kebakaran permukiman', 'alat pemadam api ringan', 'simulasi evakuasi gempa',
	'kesiapsiagaan bencana', 'sistem peringatan dini', 'ketertiban umum',
	'penataan pedagang kaki lima', 'penertiban bangunan liar', 'patroli malam', 'hidran kota',
	// budaya dan olahraga
	'festival budaya Betawi', 'pameran museum', 'penataan kawasan Kota Tua', 'olahraga masyarakat',
	'hari bebas kendaraan bermotor', 'Pekan Raya Jakarta', 'pelestarian ondel-ondel',
	'seni pertunjukan', 'lomba palang pintu', 'kompetisi sepak bola antarkampung',
	'maraton internasional', 'gelanggang remaja', 'cagar budaya',
	// perumahan
	'pembangunan rumah susun', 'penataan kampung kumuh', 'hunian terjangkau', 'sertifikasi tanah',
	'bedah rumah', 'kampung susun', 'penataan kawasan pesisir',
	// digital
	'aplikasi JAKI', 'Jakarta Smart City', 'internet gratis di ruang publik', 'kamera pengawas',
	'Satu Data Jakarta', 'layanan pengaduan warga', 'tanda tangan elektronik', 'pusat data daerah',
	'keamanan siber', 'sensus ekonomi', 'statistik sektoral',
];
const TITLE_VERBS = [
	'Perluas', 'Gelar', 'Luncurkan', 'Resmikan', 'Tingkatkan', 'Percepat', 'Sosialisasikan',
	'Tinjau', 'Salurkan', 'Perkuat', 'Optimalkan', 'Lanjutkan', 'Mulai', 'Evaluasi', 'Awasi',
	'Siapkan', 'Tambah', 'Kebut', 'Dorong', 'Benahi', 'Uji Coba', 'Canangkan', 'Rampungkan',
	'Targetkan', 'Kembangkan', 'Integrasikan', 'Perpanjang', 'Intensifkan', 'Fasilitasi', 'Genjot',
];
const TIME_PHRASES = [
	'Jelang Idulfitri', 'Jelang Natal dan Tahun Baru', 'Selama Musim Hujan', 'Tahun Ini',
	'Mulai Pekan Depan', 'Hingga Akhir Tahun', 'pada Libur Sekolah', 'Jelang Ramadan',
	'Saat Kemarau', 'Sepanjang Agustus', 'Jelang HUT Jakarta', 'pada Triwulan Pertama',
	'Mulai Bulan Depan', 'Setiap Akhir Pekan', 'Selama Masa Transisi', 'Tahap Kedua',
	'Jelang Tahun Ajaran Baru', 'Pascabanjir', 'pada Masa Angkutan Lebaran', 'Bulan Ini',
];
const RESULTS = [
	'Capai Target', 'Lampaui Target', 'Diikuti Ribuan Warga', 'Tuntas Lebih Cepat',
	'Dinilai Berhasil', 'Diapresiasi Warga', 'Berjalan Lancar', 'Dievaluasi Setiap Pekan',
];
const EVENT_NOUNS = [
	'Peluncuran', 'Peresmian', 'Apel Siaga', 'Rapat Koordinasi', 'Kunjungan Kerja', 'Sosialisasi',
	'Penandatanganan Nota Kesepahaman', 'Seminar', 'Lokakarya', 'Pameran', 'Festival', 'Simulasi',
	'Penyerahan Bantuan', 'Konferensi Pers', 'Uji Publik', 'Groundbreaking', 'Bimbingan Teknis',
];
const SUBJECTS = [
	'Pemerintah Provinsi DKI Jakarta', 'jajaran perangkat daerah', 'petugas di lapangan',
	'warga setempat', 'pengurus RT dan RW', 'para kader PKK', 'tim gabungan', 'pihak kelurahan',
	'pihak kecamatan', 'para relawan', 'tenaga kesehatan', 'petugas Satpol PP', 'petugas PPSU',
	'pelaku usaha', 'siswa dan guru', 'pengelola gedung', 'komunitas pesepeda', 'para pedagang',
	'pengemudi angkutan umum', 'karyawan swasta', 'para lansia', 'kader jumantik', 'tokoh masyarakat',
	'mitra swasta', 'perguruan tinggi', 'organisasi kepemudaan', 'karang taruna', 'Forum Anak Jakarta',
	'Badan Usaha Milik Daerah', 'aparat kewilayahan', 'camat dan lurah', 'pemerintah pusat',
];
const VERBS = [
	'melaksanakan', 'menyiapkan', 'memantau', 'menyalurkan', 'memperluas', 'meningkatkan',
	'mempercepat', 'menata', 'membersihkan', 'memperbaiki', 'mengawasi', 'mendata', 'memverifikasi',
	'menyosialisasikan', 'mengevaluasi', 'mendukung', 'mengoptimalkan', 'menertibkan', 'membangun',
	'merevitalisasi', 'menggelar', 'menyelenggarakan', 'melatih', 'mendampingi', 'memfasilitasi',
	'menambah', 'menangani', 'memasang', 'mengganti', 'meresmikan', 'meluncurkan', 'mengembangkan',
	'mengintegrasikan', 'mendistribusikan', 'meninjau', 'mengoordinasikan', 'menyusun', 'menetapkan',
	'mengalokasikan', 'menganggarkan', 'memprioritaskan', 'menuntaskan', 'memperkuat', 'merawat',
	'mengkaji', 'merumuskan', 'mengukur', 'menginventarisasi', 'mengampanyekan', 'memperpanjang',
];
const ADVERBIALS = [
	'secara bertahap', 'mulai pekan depan', 'sepanjang tahun ini', 'di seluruh wilayah Jakarta',
	'bersama pemangku kepentingan', 'dengan melibatkan warga', 'hingga akhir tahun',
	'setiap akhir pekan', 'selama musim hujan', 'menjelang hari raya', 'secara berkala',
	'tanpa dipungut biaya', 'sesuai jadwal yang telah ditetapkan', 'dalam waktu dekat',
	'sejak awal bulan', 'pada tahap pertama', 'di lima kota administrasi dan satu kabupaten',
	'dengan anggaran yang telah disiapkan', 'sesuai standar pelayanan minimal',
	'bekerja sama dengan kementerian terkait', 'secara terpadu', 'agar tepat sasaran',
	'dengan pengawasan ketat', 'hingga ke tingkat RW', 'secara daring maupun luring',
	'tanpa mengganggu aktivitas warga', 'demi kenyamanan bersama', 'pada jam kerja',
	'selama tiga bulan ke depan', 'sebagaimana diatur dalam peraturan gubernur',
];
const CONNECTORS = [
	'', '', '', '', '', 'Selain itu,', 'Di samping itu,', 'Lebih lanjut,', 'Sementara itu,',
	'Oleh karena itu,', 'Dalam kesempatan tersebut,', 'Untuk itu,', 'Pada tahap berikutnya,',
	'Sebelumnya,', 'Ke depan,', 'Dengan demikian,', 'Hingga saat ini,', 'Secara keseluruhan,',
	'Menurut rencana,', 'Tahun lalu,', 'Di sisi lain,', 'Meski demikian,',
];
const BENEFICIARIES = [
	'warga', 'masyarakat', 'pelajar', 'lansia', 'ibu hamil', 'balita', 'pekerja', 'pedagang',
	'penyandang disabilitas', 'nelayan', 'pengemudi', 'wisatawan', 'mahasiswa', 'keluarga prasejahtera',
	'pelaku UMKM', 'penghuni rumah susun', 'pengguna angkutan umum', 'anak usia sekolah',
];
const BENEFITS = [
	'merasakan manfaatnya secara langsung', 'mendapatkan layanan yang lebih baik',
	'tidak perlu antre lama', 'merasa lebih aman dan nyaman', 'dapat mengakses layanan dengan mudah',
	'terlindungi dari risiko penyakit', 'memperoleh kepastian hukum', 'terhindar dari genangan',
	'menikmati ruang publik yang lebih tertata', 'mendapatkan informasi yang akurat',
	'meningkatkan pendapatan keluarga', 'bepergian dengan biaya terjangkau',
];
const UNITS_OF = ['orang', 'warga', 'keluarga', 'unit', 'titik', 'lokasi', 'paket', 'meter', 'kilometer', 'sekolah', 'RW', 'kelurahan'];
const PLACES = [
	'Cempaka Putih Timur', 'Kampung Melayu', 'Bidara Cina', 'Kapuk Muara', 'Rawa Badak', 'Pluit',
	'Marunda', 'Cilincing', 'Kalibaru', 'Penjaringan', 'Ancol', 'Sunter Agung', 'Kelapa Gading Barat',
	'Tanjung Priok', 'Tugu Utara', 'Semper Barat', 'Tegal Alur', 'Cengkareng Timur', 'Duri Kosambi',
	'Kedoya Utara', 'Meruya Selatan', 'Srengseng', 'Joglo', 'Palmerah', 'Slipi', 'Tomang', 'Grogol',
	'Jelambar', 'Tambora', 'Angke', 'Pinangsia', 'Glodok', 'Mangga Besar', 'Gambir', 'Petojo Utara',
	'Kebon Kelapa', 'Menteng', 'Cikini', 'Kebon Sirih', 'Gondangdia', 'Senen', 'Kwitang', 'Kramat',
	'Paseban', 'Galur', 'Kemayoran', 'Serdang', 'Tebet Barat', 'Manggarai', 'Bukit Duri',
	'Kuningan Timur', 'Karet Semanggi', 'Setiabudi', 'Mampang Prapatan', 'Pela Mampang',
	'Pasar Minggu', 'Ragunan', 'Jati Padang', 'Cilandak Barat', 'Lebak Bulus', 'Pondok Labu',
	'Gandaria Utara', 'Kebayoran Lama Selatan', 'Jagakarsa', 'Srengseng Sawah', 'Lenteng Agung',
	'Ciganjur', 'Pesanggrahan', 'Bintaro', 'Ulujami', 'Pancoran', 'Kalibata', 'Duren Tiga',
	'Matraman', 'Utan Kayu', 'Pulogadung', 'Rawamangun', 'Jatinegara', 'Cipinang Besar',
	'Kramat Jati', 'Cawang', 'Pasar Rebo', 'Kalisari', 'Cakung Barat', 'Pulo Gebang', 'Duren Sawit',
	'Pondok Kelapa', 'Makasar', 'Halim Perdana Kusuma', 'Ciracas', 'Kelapa Dua Wetan', 'Cipayung',
	'Bambu Apus', 'Pulau Pramuka', 'Pulau Untung Jawa', 'Pulau Tidung', 'Pulau Kelapa', 'Pulau Harapan',
];
const VENUES = [
	'Balai Kota DKI Jakarta', 'Kawasan Monas', 'Taman Ismail Marzuki', 'Jakarta International Stadium',
	'Gelora Bung Karno', 'Kawasan Kota Tua', 'Taman Impian Jaya Ancol', 'Bundaran HI',
	'Stasiun Manggarai', 'Terminal Pulo Gebang', 'Waduk Pluit', 'Kanal Banjir Timur',
	'bantaran Kali Ciliwung', 'bantaran Kali Sunter', 'bantaran Kali Pesanggrahan', 'Taman Menteng',
	'Lapangan Banteng', 'Taman Literasi Martha Christina Tiahahu', 'Jakarta International Equestrian Park',
	'Hutan Kota Srengseng', 'Taman Waduk Ria Rio', 'Pelabuhan Muara Angke', 'Gedung Teknis Abdul Muis',
	'Blok G Balai Kota', 'Taman Margasatwa Ragunan', 'Jakarta Convention Center', 'Perkampungan Budaya Betawi Setu Babakan',
];
const STREETS = [
	'Jl. Medan Merdeka Selatan', 'Jl. MH Thamrin', 'Jl. Jenderal Sudirman', 'Jl. Gatot Subroto',
	'Jl. HR Rasuna Said', 'Jl. Raya Bogor', 'Jl. Daan Mogot', 'Jl. Kyai Tapa', 'Jl. Pramuka',
	'Jl. Salemba Raya', 'Jl. Letjen Suprapto', 'Jl. Yos Sudarso', 'Jl. RE Martadinata', 'Jl. Pluit Raya',
	'Jl. Panjang', 'Jl. Fatmawati', 'Jl. TB Simatupang', 'Jl. Ciputat Raya', 'Jl. Warung Buncit Raya',
	'Jl. Dewi Sartika', 'Jl. Otista Raya', 'Jl. Pemuda', 'Jl. Pahlawan Revolusi', 'Jl. Raya Bekasi',
	'Jl. Kalimalang', 'Jl. Casablanca', 'Jl. Kramat Raya', 'Jl. Cikini Raya', 'Jl. Matraman Raya',
	'Jl. Hayam Wuruk', 'Jl. Gunung Sahari', 'Jl. Pangeran Jayakarta', 'Jl. Abdul Muis', 'Jl. Kebon Sirih',
];
const CITIES = ['Jakarta Pusat', 'Jakarta Utara', 'Jakarta Barat', 'Jakarta Selatan', 'Jakarta Timur', 'Kepulauan Seribu'];
const FIRST = [
	'Ani', 'Budi', 'Siti', 'Agus', 'Dewi', 'Hendra', 'Rina', 'Joko', 'Sri', 'Bambang', 'Wahyu', 'Indah',
	'Yusuf', 'Fitri', 'Rudi', 'Nur', 'Eko', 'Dian', 'Teguh', 'Ratna', 'Heru', 'Yanti', 'Arief', 'Nanda',
	'Putri', 'Fajar', 'Sari', 'Asep', 'Ikhsan', 'Syafrin', 'Marullah', 'Tri', 'Uus', 'Asep', 'Benni',
	'Afan', 'Suharini', 'Iin', 'Mudjiyanto', 'Elly', 'Kartika', 'Gustav', 'Retno', 'Susi', 'Yudha',
	'Rizky', 'Andri', 'Lina', 'Hari', 'Dedi', 'Maya', 'Rahmat', 'Wulan', 'Ahmad', 'Ayu', 'Bayu',
];
const LAST = [
	'Santoso', 'Wibowo', 'Saputra', 'Hidayat', 'Kusuma', 'Nugroho', 'Pratama', 'Lestari', 'Rahmawati',
	'Setiawan', 'Syahputra', 'Siregar', 'Nasution', 'Harahap', 'Simanjuntak', 'Hutapea', 'Purba',
	'Tanjung', 'Lubis', 'Sitompul', 'Gunawan', 'Hakim', 'Maulana', 'Firmansyah', 'Ramadhan', 'Wijaya',
	'Halim', 'Susanto', 'Kurniawan', 'Suryadi', 'Permana', 'Sulistyo', 'Marpaung', 'Pohan', 'Daulay',
	'Liputo', 'Kuswanto', 'Adriansyah', 'Wicaksono', 'Prasetyo', 'Anggraini', 'Fauzi', 'Iskandar',
];
const ROLES = ['Kepala', 'Sekretaris', 'Kepala Bidang Pelayanan', 'Kepala Subbagian Umum', 'Kepala Seksi Informasi', 'Pelaksana Tugas Kepala'];
const QUOTE_OPEN = [
	'Kami ingin memastikan', 'Kami berkomitmen agar', 'Tujuan kami sederhana, yaitu agar',
	'Program ini kami rancang supaya', 'Kami terus bekerja keras sehingga', 'Harapannya,',
	'Kami mengajak semua pihak bergotong royong agar', 'Yang terpenting,', 'Kami pastikan',
];
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

const WIB = 7 * 3600;
function wib(t) {
	const d = new Date((t + WIB) * 1000);
	return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), wd: d.getUTCDay() };
}
const pad = (n) => String(n).padStart(2, '0');

// A short name for titles: "Dinas Kesehatan" stays, the long official forms shrink.
function shortName(name) {
	return name.replace(/^Suku Dinas /, 'Sudin ').replace(/Kota Administrasi /, '')
		.replace(/Kabupaten Administrasi /, 'Kab. ').replace(/^Rumah Sakit Umum Daerah/, 'RSUD')
		.replace(/ Provinsi DKI Jakarta$/, '').replace(/^Badan /, 'Badan ').trim();
}

function slugify(title) {
	let s = title.normalize('NFD').replace(/[\u0300-\u036f'’‘ʼ]/g, '').toLowerCase()
		.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
	if (s.length > 80) {
		let cut = 80;
		if (s[80] !== '-') {
			const h = s.lastIndexOf('-', 79);
			if (h > 0) cut = h;
		}
		s = s.slice(0, cut);
	}
	return s || 'siaran';
}

const place = () => {
	const p = pickSkew(PLACES, 1.8);
	return (chance(0.85) && !p.startsWith('Pulau') ? 'Kelurahan ' : '') + p;
};
const venue = () => (chance(0.5) ? pickSkew(VENUES, 1.5) : `Kantor Kelurahan ${pickSkew(PLACES, 1.8)}`);
const person = () => `${pick(FIRST)} ${pick(LAST)}`;
const topic = () => pickSkew(TOPICS, 1.4);
// Mostly the release's own topics, sometimes another one.
const ownTopic = (ctx) => (chance(0.85) ? (chance(0.7) ? ctx.topic : ctx.topic2) : topic());

function sentence(ctx) {
	switch (int(0, 7)) {
	case 0:
	case 1:
	case 2: {
		const c = pick(CONNECTORS);
		const s = `${pick(SUBJECTS)} ${pick(VERBS)} ${ownTopic(ctx)} ${pick(ADVERBIALS)}.`;
		return c ? `${c} ${s}` : cap(s);
	}
	case 3:
		return `Sebanyak ${thousands(int(3, 4800))} ${pick(UNITS_OF)} telah terlayani di ${place()} ${pick(ADVERBIALS)}.`;
	case 4:
		return `Program ${ctx.topic} ini menyasar ${pick(BENEFICIARIES)} di ${place()} dan sekitarnya agar ${pick(BENEFICIARIES)} ${pick(BENEFITS)}.`;
	case 5:
		return `Menurut ${ctx.speaker}, ${pick(SUBJECTS)} akan ${pick(VERBS)} ${ownTopic(ctx)} ${pick(ADVERBIALS)}.`;
	case 6:
		return `"${pick(QUOTE_OPEN)} ${pick(BENEFICIARIES)} ${pick(BENEFITS)}," ujar ${ctx.speaker} di ${ctx.place}.`;
	default:
		return `Anggaran untuk ${ownTopic(ctx)} tahun ini mencapai Rp${int(2, 950)} miliar dan ${pick(VERBS).replace(/^me/, 'di')} ${pick(ADVERBIALS)}.`;
	}
}

function paragraph(ctx, n) {
	const out = [];
	for (let i = 0; i < n; i++) out.push(sentence(ctx));
	let p = out.join(' ');
	if (chance(0.08)) p = p.replace(ctx.topic, `**${ctx.topic}**`);
	return p;
}

function quoteText(ctx) {
	return `${pick(QUOTE_OPEN)} ${pick(BENEFICIARIES)} di ${ctx.place} ${pick(BENEFITS)}. ` +
		`${cap(pick(SUBJECTS))} ${pick(VERBS)} ${ctx.topic} ${pick(ADVERBIALS)}.`;
}

const q = (s) => (s === null || s === undefined ? 'NULL' : typeof s === 'number' ? String(s) : `'${String(s).replace(/'/g, "''")}'`);

// --- generate ---
const SPAN = 3 * 365 * 86400;
const rows = [];
const unitOrder = units.slice();
for (let i = unitOrder.length - 1; i > 0; i--) {
	const j = Math.floor(rnd() * (i + 1));
	[unitOrder[i], unitOrder[j]] = [unitOrder[j], unitOrder[i]];
}
for (let i = 0; i < COUNT; i++) {
	const unit = pickSkew(unitOrder, 1.6);
	const adv = chance(0.2);
	const publishedAt = NOW - 600 - Math.floor(rnd() * SPAN);
	const t = pickSkew(TOPICS, 1.7);
	const pl = place();
	const headName = shortName(unit.name);
	const speaker = person();
	const ctx = { topic: t, topic2: topic(), place: pl, speaker };
	const when = wib(publishedAt);
	let title, summary, body, location, address = '', eventStart = null, eventEnd = null, activity = null;
	if (adv) {
		const v = venue();
		title = `${pick(EVENT_NOUNS)} ${titleCase(t)} di ${v}`;
		eventStart = Math.floor((publishedAt + WIB) / 86400 + int(1, 12)) * 86400 - WIB + int(8, 15) * 3600;
		eventEnd = eventStart + int(1, 4) * 3600;
		const e = wib(eventStart);
		location = v;
		address = `${pick(STREETS)} No. ${int(1, 120)}, ${pl}, ${pick(CITIES)}`;
		summary = `${unit.name} mengundang rekan-rekan media untuk meliput kegiatan ${t} di ${v} pada ` +
			`${DAYS[e.wd]}, ${e.d} ${MONTHS[e.m - 1]} ${e.y}.`;
		const paras = [paragraph(ctx, int(2, 3))];
		if (chance(0.6)) paras.push(`Agenda kegiatan:\n\n- registrasi peserta,\n- sambutan ${ROLES[0].toLowerCase()} ${headName},\n- ${t},\n- sesi tanya jawab dengan media.`);
		body = paras.join('\n\n');
	} else {
		const form = int(0, 9);
		if (form < 6)
			title = `${headName} ${pick(TITLE_VERBS)} ${titleCase(t)} di ${pl}${chance(0.5) ? ' ' + pick(TIME_PHRASES) : ''}`;
		else if (form < 8)
			title = `${titleCase(t)} di ${pl} ${pick(RESULTS)}`;
		else
			title = `${thousands(int(50, 9000))} ${cap(pick(BENEFICIARIES))} Ikuti ${titleCase(t)} di ${pl}`;
		location = 'Jakarta';
		const a = publishedAt - int(0, 2) * 86400;
		const aw = wib(a);
		activity = `${aw.y}-${pad(aw.m)}-${pad(aw.d)}`;
		summary = `${unit.name} ${pick(VERBS)} ${t} di ${pl} pada ${DAYS[aw.wd]} (${aw.d}/${aw.m}). ` + sentence(ctx);
		const paras = [];
		const np = int(4, 9);
		for (let k = 0; k < np; k++) paras.push(paragraph(ctx, int(2, 5)));
		if (chance(0.25))
			paras.splice(int(1, np - 1), 0, `Kegiatan ini meliputi:\n\n- ${ctx.topic},\n- ${ctx.topic2},\n- ${topic()}.`);
		body = paras.join('\n\n');
	}
	const createdAt = publishedAt - int(3600, 5 * 86400);
	rows.push({
		id: i + 1, unit, kind: adv ? 'media_advisory' : 'press_release', title, summary, body, activity,
		location, eventStart, eventEnd, address,
		contactName: person(), contactPosition: `Staf Humas ${headName}`,
		contactPhone: `08${int(11, 99)}-${int(1000, 9999)}-${int(1000, 9999)}`,
		contactEmail: `humas.${unit.code.toLowerCase().replace(/_/g, '')}@jakarta.go.id`,
		createdAt, submittedAt: createdAt + int(600, 3600), publishedAt, when,
		quotes: !adv && chance(0.45) ? Array.from({ length: int(1, 2) }, (_, k) => ({
			speaker: k === 0 ? speaker : person(),
			position: `${pick(ROLES)} ${unit.name}`,
			text: quoteText(ctx),
		})) : [],
	});
}

// Numbers: gapless per (year, kind) in order of publication, as release.c gives them.
const byTime = rows.slice().sort((a, b) => a.publishedAt - b.publishedAt || a.id - b.id);
const seqs = new Map();
const taken = new Set();
for (const r of byTime) {
	const key = `${r.when.y}\t${r.kind}`;
	const n = (seqs.get(key) ?? 0) + 1;
	seqs.set(key, n);
	r.number = `${n}/${r.kind === 'press_release' ? 'SP' : 'UL'}/${r.unit.code}/${ROMAN[r.when.m - 1]}/${r.when.y}`;
	// Slugs: from the title, "-2", "-3"... for later ones with the same title.
	const base = slugify(r.title);
	r.slug = base;
	for (let k = 2; taken.has(r.slug); k++) r.slug = `${base}-${k}`;
	taken.add(r.slug);
}

// --- SQL ---
// Bulk load: no journal while loading (a failed load is simply regenerated); index.sql turns WAL
// back on.
let out = [];
let size = 0;
const emit = (s) => {
	out.push(s);
	size += s.length;
	if (size > 1 << 20) flush();
};
function flush() {
	process.stdout.write(out.join(''));
	out = [];
	size = 0;
}
emit('PRAGMA journal_mode = OFF;\nPRAGMA synchronous = OFF;\nPRAGMA foreign_keys = OFF;\nPRAGMA cache_size = -262144;\nBEGIN;\n');
const COLS = 'id, unit_id, kind, state, version, title, summary, body, activity_date, location,' +
	' event_start, event_end, address, contact_name, contact_position, contact_phone, contact_email,' +
	' created_by, created_at, updated_by, updated_at, submitted_at, published_at, number, slug';
const BATCH = 200;
for (let i = 0; i < rows.length; i += BATCH) {
	const vals = rows.slice(i, i + BATCH).map((r) => '(' + [
		r.id, r.unit.id, q(r.kind), q('published'), 1, q(r.title), q(r.summary), q(r.body), q(r.activity),
		q(r.location), q(r.eventStart), q(r.eventEnd), q(r.address), q(r.contactName),
		q(r.contactPosition), q(r.contactPhone), q(r.contactEmail), USER, r.createdAt, USER,
		r.publishedAt, r.submittedAt, r.publishedAt, q(r.number), q(r.slug),
	].join(', ') + ')');
	emit(`INSERT INTO requests (${COLS}) VALUES\n${vals.join(',\n')};\n`);
}
const quoteRows = [];
for (const r of rows)
	r.quotes.forEach((x, k) => quoteRows.push(`(${r.id}, ${k + 1}, ${q(x.speaker)}, ${q(x.position)}, ${q(x.text)})`));
for (let i = 0; i < quoteRows.length; i += 500)
	emit(`INSERT INTO request_quotes (request_id, pos, speaker, position, text) VALUES\n${quoteRows.slice(i, i + 500).join(',\n')};\n`);
for (const [key, n] of seqs) {
	const [y, kind] = key.split('\t');
	emit(`INSERT INTO number_sequences (year, kind, last_seq) VALUES (${y}, ${q(kind)}, ${n})` +
		` ON CONFLICT (year, kind) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq);\n`);
}
emit('COMMIT;\n');
flush();
