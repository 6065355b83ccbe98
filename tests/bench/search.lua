-- wrk script for `make bench`: /search with a query drawn at random for every request, so that
-- the response cache cannot answer most of them: one or two words from the list below (all in
-- the generated releases' vocabulary, from very common to rare, plus a few that match nothing),
-- about 26,000 distinct queries.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

local words = {
	"vaksinasi", "imunisasi", "campak", "polio", "puskesmas", "posyandu", "stunting", "nyamuk",
	"demam", "ambulans", "darah", "tuberkulosis", "lansia", "vitamin", "gizi", "hepatitis",
	"sepeda", "transjakarta", "lalu lintas", "emisi", "parkir", "trotoar", "halte", "jaklingko",
	"ganjil genap", "mudik", "mrt", "lrt", "mikrotrans", "sungai", "waduk", "saluran", "pompa",
	"tanggul", "sumur resapan", "pintu air", "genangan", "banjir", "rob", "polder", "air bersih",
	"sampah", "plastik", "bank sampah", "udara", "ruang terbuka hijau", "pohon", "taman", "organik",
	"kendaraan listrik", "karbon", "mangrove", "jelantah", "limbah", "kompos", "biopori",
	"sekolah", "beasiswa", "perpustakaan", "literasi", "guru", "inklusif", "bantuan sosial",
	"disabilitas", "anak jalanan", "panti", "pangan murah", "sembako", "dapur umum", "perempuan",
	"umkm", "pasar", "harga", "investasi", "pajak", "retribusi", "lowongan kerja", "koperasi",
	"pariwisata", "jakpreneur", "inflasi", "urban farming", "perizinan", "ktp", "akta kelahiran",
	"asn", "birokrasi", "anggaran", "pengadaan", "aset", "pppk", "kebakaran", "evakuasi", "gempa",
	"bencana", "pedagang kaki lima", "bangunan liar", "hidran", "betawi", "museum", "kota tua",
	"ondel", "palang pintu", "maraton", "cagar budaya", "rumah susun", "kampung", "sertifikasi",
	"bedah rumah", "pesisir", "jaki", "smart city", "internet", "satu data", "pengaduan",
	"tanda tangan elektronik", "siber", "statistik", "cilincing", "marunda", "pluit", "kalibata",
	"tebet", "menteng", "senen", "kemayoran", "jatinegara", "cakung", "ciracas", "cipayung",
	"jagakarsa", "ragunan", "glodok", "tambora", "pulau tidung", "pulau pramuka", "monas",
	"balai kota", "ancol", "manggarai", "siregar", "nasution", "wibowo", "lestari", "hidayat",
	"dinas kesehatan", "dinas perhubungan", "satpol", "kecamatan", "rsud", "sudin", "vaksin",
	"normalisasi", "revitalisasi", "peresmian", "peluncuran", "undangan", "festival", "pameran",
	"kereta gantung", "salju", "kapal selam",
}

local counter = 0
function setup(thread)
	counter = counter + 1
	thread:set("id", counter)
end

local function enc(s)
	return (s:gsub(" ", "%%20"))
end

function init(args)
	math.randomseed(os.time() * 100 + (wrk.thread:get("id") or 0))
end

function request()
	local q = words[math.random(#words)]
	if math.random() < 0.85 then
		q = q .. " " .. words[math.random(#words)]
	end
	return wrk.format("GET", "/search?q=" .. enc(q))
end
