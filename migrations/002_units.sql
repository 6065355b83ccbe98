-- 002_units.sql: seed data for the units table -- the organisation of Pemerintah Provinsi DKI Jakarta
-- (Sekretariat Daerah and Biro, Sekretariat DPRD, Inspektorat, Dinas, Badan, Satpol PP, Kota/Kabupaten
-- Administrasi, Suku Dinas, RSUD, other UKPD and Kecamatan) per the mid-2020s nomenclature.
-- Parents are resolved by code, so every parent row is inserted before its children.

-- Sekretariat Daerah, Sekretariat DPRD, Inspektorat, Biro
INSERT INTO units (code, name, kind, parent_id) VALUES ('SETDA', 'Sekretariat Daerah', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('SETWAN', 'Sekretariat Dewan Perwakilan Rakyat Daerah', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('INSPEKTORAT', 'Inspektorat', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('BIRO_PEM', 'Biro Pemerintahan', 'SKPD', (SELECT id FROM units WHERE code = 'SETDA'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('BIRO_HUKUM', 'Biro Hukum', 'SKPD', (SELECT id FROM units WHERE code = 'SETDA'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('BIRO_ORB', 'Biro Organisasi dan Reformasi Birokrasi', 'SKPD', (SELECT id FROM units WHERE code = 'SETDA'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('BIRO_PEREKKEU', 'Biro Perekonomian dan Keuangan', 'SKPD', (SELECT id FROM units WHERE code = 'SETDA'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('BIRO_PLH', 'Biro Pembangunan dan Lingkungan Hidup', 'SKPD', (SELECT id FROM units WHERE code = 'SETDA'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('BIRO_KESOS', 'Biro Kesejahteraan Sosial', 'SKPD', (SELECT id FROM units WHERE code = 'SETDA'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('BIRO_UMUM', 'Biro Umum dan Administrasi', 'SKPD', (SELECT id FROM units WHERE code = 'SETDA'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('BIRO_PBJ', 'Biro Pengadaan Barang dan Jasa', 'SKPD', (SELECT id FROM units WHERE code = 'SETDA'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('BIRO_KSD', 'Biro Kerja Sama Daerah', 'SKPD', (SELECT id FROM units WHERE code = 'SETDA'));

-- Dinas
INSERT INTO units (code, name, kind, parent_id) VALUES ('DISDIK', 'Dinas Pendidikan', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DINKES', 'Dinas Kesehatan', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DINSOS', 'Dinas Sosial', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DISHUB', 'Dinas Perhubungan', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DSDA', 'Dinas Sumber Daya Air', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('BINAMARGA', 'Dinas Bina Marga', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DLH', 'Dinas Lingkungan Hidup', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DISKOMINFOTIK', 'Dinas Komunikasi, Informatika dan Statistik', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('GULKARMAT', 'Dinas Penanggulangan Kebakaran dan Penyelamatan', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DPRKP', 'Dinas Perumahan Rakyat dan Kawasan Permukiman', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('CITATA', 'Dinas Cipta Karya, Tata Ruang dan Pertanahan', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DISPAREKRAF', 'Dinas Pariwisata dan Ekonomi Kreatif', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DISBUD', 'Dinas Kebudayaan', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DISPORA', 'Dinas Pemuda dan Olahraga', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DKPKP', 'Dinas Ketahanan Pangan, Kelautan dan Pertanian', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('PPKUKM', 'Dinas Perindustrian, Perdagangan, Koperasi, Usaha Kecil dan Menengah', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('NAKERTRANSGI', 'Dinas Tenaga Kerja, Transmigrasi dan Energi', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('PPAPP', 'Dinas Pemberdayaan, Perlindungan Anak dan Pengendalian Penduduk', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DISTAMHUT', 'Dinas Pertamanan dan Hutan Kota', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DPMPTSP', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('DISPUSIP', 'Dinas Perpustakaan dan Kearsipan', 'SKPD', NULL);

-- Badan dan Satuan Polisi Pamong Praja
INSERT INTO units (code, name, kind, parent_id) VALUES ('BAPPEDA', 'Badan Perencanaan Pembangunan Daerah', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('BAPENDA', 'Badan Pendapatan Daerah', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('BPKD', 'Badan Pengelola Keuangan Daerah', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('BPAD', 'Badan Pengelolaan Aset Daerah', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('BKD', 'Badan Kepegawaian Daerah', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('BPSDM', 'Badan Pengembangan Sumber Daya Manusia', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('BPBD', 'Badan Penanggulangan Bencana Daerah', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('KESBANGPOL', 'Badan Kesatuan Bangsa dan Politik', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('BPBUMD', 'Badan Pembinaan Badan Usaha Milik Daerah', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('SATPOLPP', 'Satuan Polisi Pamong Praja', 'SKPD', NULL);

-- Kota Administrasi dan Kabupaten Administrasi
INSERT INTO units (code, name, kind, parent_id) VALUES ('KOTA_JP', 'Kota Administrasi Jakarta Pusat', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('KOTA_JU', 'Kota Administrasi Jakarta Utara', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('KOTA_JB', 'Kota Administrasi Jakarta Barat', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('KOTA_JS', 'Kota Administrasi Jakarta Selatan', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('KOTA_JT', 'Kota Administrasi Jakarta Timur', 'SKPD', NULL);
INSERT INTO units (code, name, kind, parent_id) VALUES ('KAB_KS', 'Kabupaten Administrasi Kepulauan Seribu', 'SKPD', NULL);

-- Suku Dinas (parent = Dinas)
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINKES_JP', 'Suku Dinas Kesehatan Kota Administrasi Jakarta Pusat', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINKES_JU', 'Suku Dinas Kesehatan Kota Administrasi Jakarta Utara', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINKES_JB', 'Suku Dinas Kesehatan Kota Administrasi Jakarta Barat', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINKES_JS', 'Suku Dinas Kesehatan Kota Administrasi Jakarta Selatan', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINKES_JT', 'Suku Dinas Kesehatan Kota Administrasi Jakarta Timur', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINKES_KS', 'Suku Dinas Kesehatan Kabupaten Administrasi Kepulauan Seribu', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINKOMINFOTIK_JP', 'Suku Dinas Komunikasi, Informatika dan Statistik Kota Administrasi Jakarta Pusat', 'UKPD', (SELECT id FROM units WHERE code = 'DISKOMINFOTIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINKOMINFOTIK_JU', 'Suku Dinas Komunikasi, Informatika dan Statistik Kota Administrasi Jakarta Utara', 'UKPD', (SELECT id FROM units WHERE code = 'DISKOMINFOTIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINKOMINFOTIK_JB', 'Suku Dinas Komunikasi, Informatika dan Statistik Kota Administrasi Jakarta Barat', 'UKPD', (SELECT id FROM units WHERE code = 'DISKOMINFOTIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINKOMINFOTIK_JS', 'Suku Dinas Komunikasi, Informatika dan Statistik Kota Administrasi Jakarta Selatan', 'UKPD', (SELECT id FROM units WHERE code = 'DISKOMINFOTIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINKOMINFOTIK_JT', 'Suku Dinas Komunikasi, Informatika dan Statistik Kota Administrasi Jakarta Timur', 'UKPD', (SELECT id FROM units WHERE code = 'DISKOMINFOTIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINKOMINFOTIK_KS', 'Suku Dinas Komunikasi, Informatika dan Statistik Kabupaten Administrasi Kepulauan Seribu', 'UKPD', (SELECT id FROM units WHERE code = 'DISKOMINFOTIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINHUB_JP', 'Suku Dinas Perhubungan Kota Administrasi Jakarta Pusat', 'UKPD', (SELECT id FROM units WHERE code = 'DISHUB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINHUB_JU', 'Suku Dinas Perhubungan Kota Administrasi Jakarta Utara', 'UKPD', (SELECT id FROM units WHERE code = 'DISHUB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINHUB_JB', 'Suku Dinas Perhubungan Kota Administrasi Jakarta Barat', 'UKPD', (SELECT id FROM units WHERE code = 'DISHUB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINHUB_JS', 'Suku Dinas Perhubungan Kota Administrasi Jakarta Selatan', 'UKPD', (SELECT id FROM units WHERE code = 'DISHUB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINHUB_JT', 'Suku Dinas Perhubungan Kota Administrasi Jakarta Timur', 'UKPD', (SELECT id FROM units WHERE code = 'DISHUB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINHUB_KS', 'Suku Dinas Perhubungan Kabupaten Administrasi Kepulauan Seribu', 'UKPD', (SELECT id FROM units WHERE code = 'DISHUB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINLH_JP', 'Suku Dinas Lingkungan Hidup Kota Administrasi Jakarta Pusat', 'UKPD', (SELECT id FROM units WHERE code = 'DLH'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINLH_JU', 'Suku Dinas Lingkungan Hidup Kota Administrasi Jakarta Utara', 'UKPD', (SELECT id FROM units WHERE code = 'DLH'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINLH_JB', 'Suku Dinas Lingkungan Hidup Kota Administrasi Jakarta Barat', 'UKPD', (SELECT id FROM units WHERE code = 'DLH'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINLH_JS', 'Suku Dinas Lingkungan Hidup Kota Administrasi Jakarta Selatan', 'UKPD', (SELECT id FROM units WHERE code = 'DLH'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINLH_JT', 'Suku Dinas Lingkungan Hidup Kota Administrasi Jakarta Timur', 'UKPD', (SELECT id FROM units WHERE code = 'DLH'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINLH_KS', 'Suku Dinas Lingkungan Hidup Kabupaten Administrasi Kepulauan Seribu', 'UKPD', (SELECT id FROM units WHERE code = 'DLH'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINSOS_JP', 'Suku Dinas Sosial Kota Administrasi Jakarta Pusat', 'UKPD', (SELECT id FROM units WHERE code = 'DINSOS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINSOS_JU', 'Suku Dinas Sosial Kota Administrasi Jakarta Utara', 'UKPD', (SELECT id FROM units WHERE code = 'DINSOS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINSOS_JB', 'Suku Dinas Sosial Kota Administrasi Jakarta Barat', 'UKPD', (SELECT id FROM units WHERE code = 'DINSOS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINSOS_JS', 'Suku Dinas Sosial Kota Administrasi Jakarta Selatan', 'UKPD', (SELECT id FROM units WHERE code = 'DINSOS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINSOS_JT', 'Suku Dinas Sosial Kota Administrasi Jakarta Timur', 'UKPD', (SELECT id FROM units WHERE code = 'DINSOS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINGULKARMAT_JP', 'Suku Dinas Penanggulangan Kebakaran dan Penyelamatan Kota Administrasi Jakarta Pusat', 'UKPD', (SELECT id FROM units WHERE code = 'GULKARMAT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINGULKARMAT_JU', 'Suku Dinas Penanggulangan Kebakaran dan Penyelamatan Kota Administrasi Jakarta Utara', 'UKPD', (SELECT id FROM units WHERE code = 'GULKARMAT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINGULKARMAT_JB', 'Suku Dinas Penanggulangan Kebakaran dan Penyelamatan Kota Administrasi Jakarta Barat', 'UKPD', (SELECT id FROM units WHERE code = 'GULKARMAT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINGULKARMAT_JS', 'Suku Dinas Penanggulangan Kebakaran dan Penyelamatan Kota Administrasi Jakarta Selatan', 'UKPD', (SELECT id FROM units WHERE code = 'GULKARMAT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINGULKARMAT_JT', 'Suku Dinas Penanggulangan Kebakaran dan Penyelamatan Kota Administrasi Jakarta Timur', 'UKPD', (SELECT id FROM units WHERE code = 'GULKARMAT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINDIK1_JP', 'Suku Dinas Pendidikan Wilayah I Kota Administrasi Jakarta Pusat', 'UKPD', (SELECT id FROM units WHERE code = 'DISDIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINDIK2_JP', 'Suku Dinas Pendidikan Wilayah II Kota Administrasi Jakarta Pusat', 'UKPD', (SELECT id FROM units WHERE code = 'DISDIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINDIK1_JU', 'Suku Dinas Pendidikan Wilayah I Kota Administrasi Jakarta Utara', 'UKPD', (SELECT id FROM units WHERE code = 'DISDIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINDIK2_JU', 'Suku Dinas Pendidikan Wilayah II Kota Administrasi Jakarta Utara', 'UKPD', (SELECT id FROM units WHERE code = 'DISDIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINDIK1_JB', 'Suku Dinas Pendidikan Wilayah I Kota Administrasi Jakarta Barat', 'UKPD', (SELECT id FROM units WHERE code = 'DISDIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINDIK2_JB', 'Suku Dinas Pendidikan Wilayah II Kota Administrasi Jakarta Barat', 'UKPD', (SELECT id FROM units WHERE code = 'DISDIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINDIK1_JS', 'Suku Dinas Pendidikan Wilayah I Kota Administrasi Jakarta Selatan', 'UKPD', (SELECT id FROM units WHERE code = 'DISDIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINDIK2_JS', 'Suku Dinas Pendidikan Wilayah II Kota Administrasi Jakarta Selatan', 'UKPD', (SELECT id FROM units WHERE code = 'DISDIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINDIK1_JT', 'Suku Dinas Pendidikan Wilayah I Kota Administrasi Jakarta Timur', 'UKPD', (SELECT id FROM units WHERE code = 'DISDIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINDIK2_JT', 'Suku Dinas Pendidikan Wilayah II Kota Administrasi Jakarta Timur', 'UKPD', (SELECT id FROM units WHERE code = 'DISDIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SUDINDIK_KS', 'Suku Dinas Pendidikan Kabupaten Administrasi Kepulauan Seribu', 'UKPD', (SELECT id FROM units WHERE code = 'DISDIK'));

-- Satpol PP wilayah (parent = SATPOLPP)
INSERT INTO units (code, name, kind, parent_id) VALUES ('SATPOLPP_JP', 'Satuan Polisi Pamong Praja Kota Administrasi Jakarta Pusat', 'UKPD', (SELECT id FROM units WHERE code = 'SATPOLPP'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SATPOLPP_JU', 'Satuan Polisi Pamong Praja Kota Administrasi Jakarta Utara', 'UKPD', (SELECT id FROM units WHERE code = 'SATPOLPP'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SATPOLPP_JB', 'Satuan Polisi Pamong Praja Kota Administrasi Jakarta Barat', 'UKPD', (SELECT id FROM units WHERE code = 'SATPOLPP'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SATPOLPP_JS', 'Satuan Polisi Pamong Praja Kota Administrasi Jakarta Selatan', 'UKPD', (SELECT id FROM units WHERE code = 'SATPOLPP'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SATPOLPP_JT', 'Satuan Polisi Pamong Praja Kota Administrasi Jakarta Timur', 'UKPD', (SELECT id FROM units WHERE code = 'SATPOLPP'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('SATPOLPP_KS', 'Satuan Polisi Pamong Praja Kabupaten Administrasi Kepulauan Seribu', 'UKPD', (SELECT id FROM units WHERE code = 'SATPOLPP'));

-- Rumah Sakit Umum Daerah (parent = DINKES)
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_TARAKAN', 'Rumah Sakit Umum Daerah Tarakan', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_CENGKARENG', 'Rumah Sakit Umum Daerah Cengkareng', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_PASARMINGGU', 'Rumah Sakit Umum Daerah Pasar Minggu', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_KOJA', 'Rumah Sakit Umum Daerah Koja', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_BUDHIASIH', 'Rumah Sakit Umum Daerah Budhi Asih', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_DURENSAWIT', 'Rumah Sakit Umum Daerah Duren Sawit', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_PASARREBO', 'Rumah Sakit Umum Daerah Pasar Rebo', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_KRAMATJATI', 'Rumah Sakit Umum Daerah Kramat Jati', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_TANAHABANG', 'Rumah Sakit Umum Daerah Tanah Abang', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_KEBAYORANBARU', 'Rumah Sakit Umum Daerah Kebayoran Baru', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_KEBAYORANLAMA', 'Rumah Sakit Umum Daerah Kebayoran Lama', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_KEMBANGAN', 'Rumah Sakit Umum Daerah Kembangan', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_KALIDERES', 'Rumah Sakit Umum Daerah Kalideres', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_CIPAYUNG', 'Rumah Sakit Umum Daerah Cipayung', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_PADEMANGAN', 'Rumah Sakit Umum Daerah Pademangan', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_TEBET', 'Rumah Sakit Umum Daerah Tebet', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_CILINCING', 'Rumah Sakit Umum Daerah Cilincing', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_JAGAKARSA', 'Rumah Sakit Umum Daerah Jagakarsa', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_MAMPANGPRAPATAN', 'Rumah Sakit Umum Daerah Mampang Prapatan', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_PESANGGRAHAN', 'Rumah Sakit Umum Daerah Pesanggrahan', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_MATRAMAN', 'Rumah Sakit Umum Daerah Matraman', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_CIRACAS', 'Rumah Sakit Umum Daerah Ciracas', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_TAMANSARI', 'Rumah Sakit Umum Daerah Tamansari', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_JOHARBARU', 'Rumah Sakit Umum Daerah Johar Baru', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('RSUD_KEPULAUANSERIBU', 'Rumah Sakit Umum Daerah Kepulauan Seribu', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));

-- UPT / Unit Pengelola / Pusat lainnya (parent = Dinas/Badan pembina)
INSERT INTO units (code, name, kind, parent_id) VALUES ('LABKESDA', 'Laboratorium Kesehatan Daerah', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('UP_AGD', 'Unit Pelayanan Ambulans Gawat Darurat', 'UKPD', (SELECT id FROM units WHERE code = 'DINKES'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('UP_JSC', 'Unit Pengelola Jakarta Smart City', 'UKPD', (SELECT id FROM units WHERE code = 'DISKOMINFOTIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('UP_STATISTIK', 'Unit Pengelola Statistik', 'UKPD', (SELECT id FROM units WHERE code = 'DISKOMINFOTIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('UP_LTIK', 'Unit Pengelola Layanan Teknologi Informasi dan Komunikasi', 'UKPD', (SELECT id FROM units WHERE code = 'DISKOMINFOTIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('UP_PJSE', 'Unit Pengelola Perangkat dan Jaringan Sistem Elektronik', 'UKPD', (SELECT id FROM units WHERE code = 'DISKOMINFOTIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('UP_PERPARKIRAN', 'Unit Pengelola Perparkiran', 'UKPD', (SELECT id FROM units WHERE code = 'DISHUB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('UP_PKB', 'Unit Pengelola Pengujian Kendaraan Bermotor', 'UKPD', (SELECT id FROM units WHERE code = 'DISHUB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('UP_ANGSEK', 'Unit Pengelola Angkutan Sekolah', 'UKPD', (SELECT id FROM units WHERE code = 'DISHUB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('UPST', 'Unit Pengelola Sampah Terpadu', 'UKPD', (SELECT id FROM units WHERE code = 'DLH'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('LLHD', 'Laboratorium Lingkungan Hidup Daerah', 'UKPD', (SELECT id FROM units WHERE code = 'DLH'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('UPSBA', 'Unit Penanganan Sampah Badan Air', 'UKPD', (SELECT id FROM units WHERE code = 'DLH'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('P4OP', 'Pusat Pelayanan Pendanaan Personal dan Operasional Pendidikan', 'UKPD', (SELECT id FROM units WHERE code = 'DISDIK'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('PUSDATIN_BPBD', 'Pusat Data dan Informasi Kebencanaan', 'UKPD', (SELECT id FROM units WHERE code = 'BPBD'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('UP_MUSEUMSEJARAH', 'Unit Pengelola Museum Kesejarahan Jakarta', 'UKPD', (SELECT id FROM units WHERE code = 'DISBUD'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('UP_MUSEUMSENI', 'Unit Pengelola Museum Seni', 'UKPD', (SELECT id FROM units WHERE code = 'DISBUD'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('UP_KOTATUA', 'Unit Pengelola Kawasan Kota Tua', 'UKPD', (SELECT id FROM units WHERE code = 'DISBUD'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('UP_TMR', 'Unit Pengelola Taman Margasatwa Ragunan', 'UKPD', (SELECT id FROM units WHERE code = 'DISTAMHUT'));

-- Kecamatan (parent = Kota/Kabupaten Administrasi)
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_GAMBIR', 'Kecamatan Gambir', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JP'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_SAWAHBESAR', 'Kecamatan Sawah Besar', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JP'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_KEMAYORAN', 'Kecamatan Kemayoran', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JP'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_SENEN', 'Kecamatan Senen', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JP'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_CEMPAKAPUTIH', 'Kecamatan Cempaka Putih', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JP'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_MENTENG', 'Kecamatan Menteng', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JP'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_TANAHABANG', 'Kecamatan Tanah Abang', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JP'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_JOHARBARU', 'Kecamatan Johar Baru', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JP'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_PENJARINGAN', 'Kecamatan Penjaringan', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JU'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_PADEMANGAN', 'Kecamatan Pademangan', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JU'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_TANJUNGPRIOK', 'Kecamatan Tanjung Priok', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JU'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_KOJA', 'Kecamatan Koja', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JU'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_KELAPAGADING', 'Kecamatan Kelapa Gading', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JU'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_CILINCING', 'Kecamatan Cilincing', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JU'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_CENGKARENG', 'Kecamatan Cengkareng', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_GROGOLPETAMBURAN', 'Kecamatan Grogol Petamburan', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_TAMANSARI', 'Kecamatan Taman Sari', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_TAMBORA', 'Kecamatan Tambora', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_KEBONJERUK', 'Kecamatan Kebon Jeruk', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_KALIDERES', 'Kecamatan Kalideres', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_PALMERAH', 'Kecamatan Palmerah', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_KEMBANGAN', 'Kecamatan Kembangan', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JB'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_TEBET', 'Kecamatan Tebet', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_SETIABUDI', 'Kecamatan Setiabudi', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_MAMPANGPRAPATAN', 'Kecamatan Mampang Prapatan', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_PASARMINGGU', 'Kecamatan Pasar Minggu', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_KEBAYORANLAMA', 'Kecamatan Kebayoran Lama', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_CILANDAK', 'Kecamatan Cilandak', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_KEBAYORANBARU', 'Kecamatan Kebayoran Baru', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_PANCORAN', 'Kecamatan Pancoran', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_JAGAKARSA', 'Kecamatan Jagakarsa', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_PESANGGRAHAN', 'Kecamatan Pesanggrahan', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_MATRAMAN', 'Kecamatan Matraman', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_PULOGADUNG', 'Kecamatan Pulogadung', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_JATINEGARA', 'Kecamatan Jatinegara', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_KRAMATJATI', 'Kecamatan Kramat Jati', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_PASARREBO', 'Kecamatan Pasar Rebo', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_CAKUNG', 'Kecamatan Cakung', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_DURENSAWIT', 'Kecamatan Duren Sawit', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_MAKASAR', 'Kecamatan Makasar', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_CIRACAS', 'Kecamatan Ciracas', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_CIPAYUNG', 'Kecamatan Cipayung', 'UKPD', (SELECT id FROM units WHERE code = 'KOTA_JT'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_KEPSERIBU_UTARA', 'Kecamatan Kepulauan Seribu Utara', 'UKPD', (SELECT id FROM units WHERE code = 'KAB_KS'));
INSERT INTO units (code, name, kind, parent_id) VALUES ('KEC_KEPSERIBU_SELATAN', 'Kecamatan Kepulauan Seribu Selatan', 'UKPD', (SELECT id FROM units WHERE code = 'KAB_KS'));
