// Builds the countries vocabulary (schemas/vocab/countries.json) from the reviewed reference
// table of ITU-D regions (schemas/reference/itu-regions.csv and itu-regions-non-un.csv).
// Pure: CSV text in, vocabulary object out. The CLI (scripts/cli/generate-countries.ts) does the I/O.

/** The six UN languages, in the order the UN lists them (and the order of every `labels`). */
const LABEL_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
type LabelLanguage = (typeof LABEL_LANGUAGES)[number];
type Labels = Record<LabelLanguage, string>;

/** An ITU-D region id of schemas/vocab/regions.json. */
export type RegionId = "africa" | "americas" | "arab-states" | "asia-pacific" | "cis" | "europe";

/** The region names used in the reference CSV, mapped to regions.json ids. */
const REGION_IDS: Readonly<Record<string, RegionId>> = {
  Africa: "africa",
  Americas: "americas",
  "Arab States": "arab-states",
  "Asia & Pacific": "asia-pacific",
  CIS: "cis",
  Europe: "europe",
};

/** One row of the reference table. */
export interface RegionRow {
  iso3: string;
  name: string;
  region: string;
  sourceUrl: string;
  confidence: string;
  note: string;
  /** The line of the row in its file (1-based), for error messages. */
  line: number;
}

/** The `meta` of one country. */
export interface CountryMeta {
  alpha2: string;
  region: RegionId;
  un: boolean;
  confidence: string;
  uncertain: boolean;
  note?: string;
}

/** One allowed value of the countries vocabulary. */
export interface CountryBranch {
  const: string;
  labels: Labels;
  meta: CountryMeta;
}

/** The countries vocabulary file: a JSON Schema in the shape of schemas/vocabulary.schema.json. */
export interface CountriesVocabulary {
  $schema: "https://json-schema.org/draft/2020-12/schema";
  $id: string;
  title: string;
  description: string;
  descriptions: Readonly<Record<"ar" | "zh" | "fr" | "ru" | "es", string>>;
  labels: Labels;
  sources: string[];
  oneOf: CountryBranch[];
}

const COLUMNS = ["iso3", "name", "itu_d_region", "source_url", "confidence", "note"] as const;

/**
 * ISO 3166-1 alpha-2 code and the United Nations short name (UNTERM, without the article
 * UNTERM adds in French and Spanish) in Arabic, Chinese, French, Russian and Spanish, by
 * alpha-3 code. English comes from the reference CSV, which already uses the UN short names.
 *
 * Why not Intl.DisplayNames: CLDR gives everyday names ("Palestinian Territories",
 * "Congo - Kinshasa", "North Korea", "Russia") that a UN document would not use, and they change
 * with each Node release, which would make the generated file depend on the machine.
 * Each alpha-2 code was checked against Intl.DisplayNames (test/vocab/vocabularies.test.ts does it again).
 * Names updated since UNTERM's export: Türkiye (2022) and Netherlands (Kingdom of the) (2024).
 */
const COUNTRY_NAMES: Readonly<Record<string, readonly [alpha2: string, ar: string, zh: string, fr: string, ru: string, es: string]>> = {
  AFG: ["AF", "أفغانستان", "阿富汗", "Afghanistan", "Афганистан", "Afganistán"],
  AGO: ["AO", "أنغولا", "安哥拉", "Angola", "Ангола", "Angola"],
  ALB: ["AL", "ألبانيا", "阿尔巴尼亚", "Albanie", "Албания", "Albania"],
  AND: ["AD", "أندورا", "安道尔", "Andorre", "Андорра", "Andorra"],
  ARE: ["AE", "الإمارات العربية المتحدة", "阿拉伯联合酋长国", "Émirats arabes unis", "Объединенные Арабские Эмираты", "Emiratos Árabes Unidos"],
  ARG: ["AR", "الأرجنتين", "阿根廷", "Argentine", "Аргентина", "Argentina"],
  ARM: ["AM", "أرمينيا", "亚美尼亚", "Arménie", "Армения", "Armenia"],
  ATG: ["AG", "أنتيغوا وبربودا", "安提瓜和巴布达", "Antigua-et-Barbuda", "Антигуа и Барбуда", "Antigua y Barbuda"],
  AUS: ["AU", "أستراليا", "澳大利亚", "Australie", "Австралия", "Australia"],
  AUT: ["AT", "النمسا", "奥地利", "Autriche", "Австрия", "Austria"],
  AZE: ["AZ", "أذربيجان", "阿塞拜疆", "Azerbaïdjan", "Азербайджан", "Azerbaiyán"],
  BDI: ["BI", "بوروندي", "布隆迪", "Burundi", "Бурунди", "Burundi"],
  BEL: ["BE", "بلجيكا", "比利时", "Belgique", "Бельгия", "Bélgica"],
  BEN: ["BJ", "بنن", "贝宁", "Bénin", "Бенин", "Benin"],
  BFA: ["BF", "بوركينا فاسو", "布基纳法索", "Burkina Faso", "Буркина-Фасо", "Burkina Faso"],
  BGD: ["BD", "بنغلاديش", "孟加拉国", "Bangladesh", "Бангладеш", "Bangladesh"],
  BGR: ["BG", "بلغاريا", "保加利亚", "Bulgarie", "Болгария", "Bulgaria"],
  BHR: ["BH", "البحرين", "巴林", "Bahreïn", "Бахрейн", "Bahrein"],
  BHS: ["BS", "جزر البهاما", "巴哈马", "Bahamas", "Багамские Острова", "Bahamas"],
  BIH: ["BA", "البوسنة والهرسك", "波斯尼亚和黑塞哥维那", "Bosnie-Herzégovine", "Босния и Герцеговина", "Bosnia y Herzegovina"],
  BLR: ["BY", "بيلاروس", "白俄罗斯", "Bélarus", "Беларусь", "Belarús"],
  BLZ: ["BZ", "بليز", "伯利兹", "Belize", "Белиз", "Belice"],
  BOL: [
    "BO",
    "بوليفيا (دولة - المتعددة القوميات)",
    "多民族玻利维亚国",
    "Bolivie (État plurinational de)",
    "Боливия (Многонациональное Государство)",
    "Bolivia (Estado Plurinacional de)",
  ],
  BRA: ["BR", "البرازيل", "巴西", "Brésil", "Бразилия", "Brasil"],
  BRB: ["BB", "بربادوس", "巴巴多斯", "Barbade", "Барбадос", "Barbados"],
  BRN: ["BN", "بروني دار السلام", "文莱达鲁萨兰国", "Brunéi Darussalam", "Бруней-Даруссалам", "Brunei Darussalam"],
  BTN: ["BT", "بوتان", "不丹", "Bhoutan", "Бутан", "Bhután"],
  BWA: ["BW", "بوتسوانا", "博茨瓦纳", "Botswana", "Ботсвана", "Botswana"],
  CAF: ["CF", "جمهورية أفريقيا الوسطى", "中非共和国", "République centrafricaine", "Центральноафриканская Республика", "República Centroafricana"],
  CAN: ["CA", "كندا", "加拿大", "Canada", "Канада", "Canadá"],
  CHE: ["CH", "سويسرا", "瑞士", "Suisse", "Швейцария", "Suiza"],
  CHL: ["CL", "شيلي", "智利", "Chili", "Чили", "Chile"],
  CHN: ["CN", "الصين", "中国", "Chine", "Китай", "China"],
  CIV: ["CI", "كوت ديفوار", "科特迪瓦", "Côte d'Ivoire", "Кот-д’Ивуар", "Côte d’Ivoire"],
  CMR: ["CM", "الكاميرون", "喀麦隆", "Cameroun", "Камерун", "Camerún"],
  COD: [
    "CD",
    "جمهورية الكونغو الديمقراطية",
    "刚果民主共和国",
    "République démocratique du Congo",
    "Демократическая Республика Конго",
    "República Democrática del Congo",
  ],
  COG: ["CG", "الكونغو", "刚果", "Congo", "Конго", "Congo"],
  COL: ["CO", "كولومبيا", "哥伦比亚", "Colombie", "Колумбия", "Colombia"],
  COM: ["KM", "جزر القمر", "科摩罗", "Comores", "Коморские Острова", "Comoras"],
  CPV: ["CV", "كابو فيردي", "佛得角", "Cabo Verde", "Кабо-Верде", "Cabo Verde"],
  CRI: ["CR", "كوستاريكا", "哥斯达黎加", "Costa Rica", "Коста-Рика", "Costa Rica"],
  CUB: ["CU", "كوبا", "古巴", "Cuba", "Куба", "Cuba"],
  CYP: ["CY", "قبرص", "塞浦路斯", "Chypre", "Кипр", "Chipre"],
  CZE: ["CZ", "تشيكيا", "捷克", "Tchéquie", "Чехия", "Chequia"],
  DEU: ["DE", "ألمانيا", "德国", "Allemagne", "Германия", "Alemania"],
  DJI: ["DJ", "جيبوتي", "吉布提", "Djibouti", "Джибути", "Djibouti"],
  DMA: ["DM", "دومينيكا", "多米尼克", "Dominique", "Доминика", "Dominica"],
  DNK: ["DK", "الدانمرك", "丹麦", "Danemark", "Дания", "Dinamarca"],
  DOM: ["DO", "الجمهورية الدومينيكية", "多米尼加", "République dominicaine", "Доминиканская Республика", "República Dominicana"],
  DZA: ["DZ", "الجزائر", "阿尔及利亚", "Algérie", "Алжир", "Argelia"],
  ECU: ["EC", "إكوادور", "厄瓜多尔", "Équateur", "Эквадор", "Ecuador"],
  EGY: ["EG", "مصر", "埃及", "Égypte", "Египет", "Egipto"],
  ERI: ["ER", "إريتريا", "厄立特里亚", "Érythrée", "Эритрея", "Eritrea"],
  ESP: ["ES", "إسبانيا", "西班牙", "Espagne", "Испания", "España"],
  EST: ["EE", "إستونيا", "爱沙尼亚", "Estonie", "Эстония", "Estonia"],
  ETH: ["ET", "إثيوبيا", "埃塞俄比亚", "Éthiopie", "Эфиопия", "Etiopía"],
  FIN: ["FI", "فنلندا", "芬兰", "Finlande", "Финляндия", "Finlandia"],
  FJI: ["FJ", "فيجي", "斐济", "Fidji", "Фиджи", "Fiji"],
  FRA: ["FR", "فرنسا", "法国", "France", "Франция", "Francia"],
  FSM: [
    "FM",
    "ميكرونيزيا (ولايات - الموحدة)",
    "密克罗尼西亚联邦",
    "Micronésie (États fédérés de)",
    "Микронезия (Федеративные Штаты)",
    "Micronesia (Estados Federados de)",
  ],
  GAB: ["GA", "غابون", "加蓬", "Gabon", "Габон", "Gabón"],
  GBR: [
    "GB",
    "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية",
    "大不列颠及北爱尔兰联合王国",
    "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
    "Соединенное Королевство Великобритании и Северной Ирландии",
    "Reino Unido de Gran Bretaña e Irlanda del Norte",
  ],
  GEO: ["GE", "جورجيا", "格鲁吉亚", "Géorgie", "Грузия", "Georgia"],
  GHA: ["GH", "غانا", "加纳", "Ghana", "Гана", "Ghana"],
  GIN: ["GN", "غينيا", "几内亚", "Guinée", "Гвинея", "Guinea"],
  GMB: ["GM", "غامبيا", "冈比亚", "Gambie", "Гамбия", "Gambia"],
  GNB: ["GW", "غينيا - بيساو", "几内亚比绍", "Guinée-Bissau", "Гвинея-Бисау", "Guinea-Bissau"],
  GNQ: ["GQ", "غينيا الاستوائية", "赤道几内亚", "Guinée équatoriale", "Экваториальная Гвинея", "Guinea Ecuatorial"],
  GRC: ["GR", "اليونان", "希腊", "Grèce", "Греция", "Grecia"],
  GRD: ["GD", "غرينادا", "格林纳达", "Grenade", "Гренада", "Granada"],
  GTM: ["GT", "غواتيمالا", "危地马拉", "Guatemala", "Гватемала", "Guatemala"],
  GUY: ["GY", "غيانا", "圭亚那", "Guyana", "Гайана", "Guyana"],
  HND: ["HN", "هندوراس", "洪都拉斯", "Honduras", "Гондурас", "Honduras"],
  HRV: ["HR", "كرواتيا", "克罗地亚", "Croatie", "Хорватия", "Croacia"],
  HTI: ["HT", "هايتي", "海地", "Haïti", "Гаити", "Haití"],
  HUN: ["HU", "هنغاريا", "匈牙利", "Hongrie", "Венгрия", "Hungría"],
  IDN: ["ID", "إندونيسيا", "印度尼西亚", "Indonésie", "Индонезия", "Indonesia"],
  IND: ["IN", "الهند", "印度", "Inde", "Индия", "India"],
  IRL: ["IE", "أيرلندا", "爱尔兰", "Irlande", "Ирландия", "Irlanda"],
  IRN: [
    "IR",
    "إيران (جمهورية - الإسلامية)",
    "伊朗伊斯兰共和国",
    "Iran (République islamique d')",
    "Иран (Исламская Республика)",
    "Irán (República Islámica del)",
  ],
  IRQ: ["IQ", "العراق", "伊拉克", "Iraq", "Ирак", "Iraq"],
  ISL: ["IS", "آيسلندا", "冰岛", "Islande", "Исландия", "Islandia"],
  ISR: ["IL", "إسرائيل", "以色列", "Israël", "Израиль", "Israel"],
  ITA: ["IT", "إيطاليا", "意大利", "Italie", "Италия", "Italia"],
  JAM: ["JM", "جامايكا", "牙买加", "Jamaïque", "Ямайка", "Jamaica"],
  JOR: ["JO", "الأردن", "约旦", "Jordanie", "Иордания", "Jordania"],
  JPN: ["JP", "اليابان", "日本", "Japon", "Япония", "Japón"],
  KAZ: ["KZ", "كازاخستان", "哈萨克斯坦", "Kazakhstan", "Казахстан", "Kazajstán"],
  KEN: ["KE", "كينيا", "肯尼亚", "Kenya", "Кения", "Kenya"],
  KGZ: ["KG", "قيرغيزستان", "吉尔吉斯斯坦", "Kirghizistan", "Кыргызстан", "Kirguistán"],
  KHM: ["KH", "كمبوديا", "柬埔寨", "Cambodge", "Камбоджа", "Camboya"],
  KIR: ["KI", "كيريباس", "基里巴斯", "Kiribati", "Кирибати", "Kiribati"],
  KNA: ["KN", "سانت كيتس ونيفس", "圣基茨和尼维斯", "Saint-Kitts-et-Nevis", "Сент-Китс и Невис", "Saint Kitts y Nevis"],
  KOR: ["KR", "جمهورية كوريا", "大韩民国", "République de Corée", "Республика Корея", "República de Corea"],
  KWT: ["KW", "الكويت", "科威特", "Koweït", "Кувейт", "Kuwait"],
  LAO: [
    "LA",
    "جمهورية لاو الديمقراطية الشعبية",
    "老挝人民民主共和国",
    "République démocratique populaire lao",
    "Лаосская Народно-Демократическая Республика",
    "República Democrática Popular Lao",
  ],
  LBN: ["LB", "لبنان", "黎巴嫩", "Liban", "Ливан", "Líbano"],
  LBR: ["LR", "ليبريا", "利比里亚", "Libéria", "Либерия", "Liberia"],
  LBY: ["LY", "ليبيا", "利比亚", "Libye", "Ливия", "Libia"],
  LCA: ["LC", "سانت لوسيا", "圣卢西亚", "Sainte-Lucie", "Сент-Люсия", "Santa Lucía"],
  LIE: ["LI", "ليختنشتاين", "列支敦士登", "Liechtenstein", "Лихтенштейн", "Liechtenstein"],
  LKA: ["LK", "سري لانكا", "斯里兰卡", "Sri Lanka", "Шри-Ланка", "Sri Lanka"],
  LSO: ["LS", "ليسوتو", "莱索托", "Lesotho", "Лесото", "Lesotho"],
  LTU: ["LT", "ليتوانيا", "立陶宛", "Lituanie", "Литва", "Lituania"],
  LUX: ["LU", "لكسمبرغ", "卢森堡", "Luxembourg", "Люксембург", "Luxemburgo"],
  LVA: ["LV", "لاتفيا", "拉脱维亚", "Lettonie", "Латвия", "Letonia"],
  MAR: ["MA", "المغرب", "摩洛哥", "Maroc", "Марокко", "Marruecos"],
  MCO: ["MC", "موناكو", "摩纳哥", "Monaco", "Монако", "Mónaco"],
  MDA: ["MD", "جمهورية مولدوفا", "摩尔多瓦共和国", "République de Moldova", "Республика Молдова", "República de Moldova"],
  MDG: ["MG", "مدغشقر", "马达加斯加", "Madagascar", "Мадагаскар", "Madagascar"],
  MDV: ["MV", "ملديف", "马尔代夫", "Maldives", "Мальдивские Острова", "Maldivas"],
  MEX: ["MX", "المكسيك", "墨西哥", "Mexique", "Мексика", "México"],
  MHL: ["MH", "جزر مارشال", "马绍尔群岛", "Îles Marshall", "Маршалловы Острова", "Islas Marshall"],
  MKD: ["MK", "مقدونيا الشمالية", "北马其顿", "Macédoine du Nord", "Северная Македония", "Macedonia del Norte"],
  MLI: ["ML", "مالي", "马里", "Mali", "Мали", "Malí"],
  MLT: ["MT", "مالطة", "马耳他", "Malte", "Мальта", "Malta"],
  MMR: ["MM", "ميانمار", "缅甸", "Myanmar", "Мьянма", "Myanmar"],
  MNE: ["ME", "الجبل الأسود", "黑山", "Monténégro", "Черногория", "Montenegro"],
  MNG: ["MN", "منغوليا", "蒙古", "Mongolie", "Монголия", "Mongolia"],
  MOZ: ["MZ", "موزامبيق", "莫桑比克", "Mozambique", "Мозамбик", "Mozambique"],
  MRT: ["MR", "موريتانيا", "毛里塔尼亚", "Mauritanie", "Мавритания", "Mauritania"],
  MUS: ["MU", "موريشيوس", "毛里求斯", "Maurice", "Маврикий", "Mauricio"],
  MWI: ["MW", "ملاوي", "马拉维", "Malawi", "Малави", "Malawi"],
  MYS: ["MY", "ماليزيا", "马来西亚", "Malaisie", "Малайзия", "Malasia"],
  NAM: ["NA", "ناميبيا", "纳米比亚", "Namibie", "Намибия", "Namibia"],
  NER: ["NE", "النيجر", "尼日尔", "Niger", "Нигер", "Níger"],
  NGA: ["NG", "نيجيريا", "尼日利亚", "Nigéria", "Нигерия", "Nigeria"],
  NIC: ["NI", "نيكاراغوا", "尼加拉瓜", "Nicaragua", "Никарагуа", "Nicaragua"],
  NLD: ["NL", "مملكة هولندا", "荷兰王国", "Pays-Bas (Royaume des)", "Нидерланды (Королевство)", "Países Bajos (Reino de los)"],
  NOR: ["NO", "النرويج", "挪威", "Norvège", "Норвегия", "Noruega"],
  NPL: ["NP", "نيبال", "尼泊尔", "Népal", "Непал", "Nepal"],
  NRU: ["NR", "ناورو", "瑙鲁", "Nauru", "Науру", "Nauru"],
  NZL: ["NZ", "نيوزيلندا", "新西兰", "Nouvelle-Zélande", "Новая Зеландия", "Nueva Zelandia"],
  OMN: ["OM", "عمان", "阿曼", "Oman", "Оман", "Omán"],
  PAK: ["PK", "باكستان", "巴基斯坦", "Pakistan", "Пакистан", "Pakistán"],
  PAN: ["PA", "بنما", "巴拿马", "Panama", "Панама", "Panamá"],
  PER: ["PE", "بيرو", "秘鲁", "Pérou", "Перу", "Perú"],
  PHL: ["PH", "الفلبين", "菲律宾", "Philippines", "Филиппины", "Filipinas"],
  PLW: ["PW", "بالاو", "帕劳", "Palaos", "Палау", "Palau"],
  PNG: ["PG", "بابوا غينيا الجديدة", "巴布亚新几内亚", "Papouasie-Nouvelle-Guinée", "Папуа — Новая Гвинея", "Papua Nueva Guinea"],
  POL: ["PL", "بولندا", "波兰", "Pologne", "Польша", "Polonia"],
  PRK: [
    "KP",
    "جمهورية كوريا الشعبية الديمقراطية",
    "朝鲜民主主义人民共和国",
    "République populaire démocratique de Corée",
    "Корейская Народно-Демократическая Республика",
    "República Popular Democrática de Corea",
  ],
  PRT: ["PT", "البرتغال", "葡萄牙", "Portugal", "Португалия", "Portugal"],
  PRY: ["PY", "باراغواي", "巴拉圭", "Paraguay", "Парагвай", "Paraguay"],
  PSE: ["PS", "دولة فلسطين", "巴勒斯坦国", "État de Palestine", "Государство Палестина", "Estado de Palestina"],
  QAT: ["QA", "قطر", "卡塔尔", "Qatar", "Катар", "Qatar"],
  ROU: ["RO", "رومانيا", "罗马尼亚", "Roumanie", "Румыния", "Rumania"],
  RUS: ["RU", "الاتحاد الروسي", "俄罗斯联邦", "Fédération de Russie", "Российская Федерация", "Federación de Rusia"],
  RWA: ["RW", "رواندا", "卢旺达", "Rwanda", "Руанда", "Rwanda"],
  SAU: ["SA", "المملكة العربية السعودية", "沙特阿拉伯", "Arabie saoudite", "Саудовская Аравия", "Arabia Saudita"],
  SDN: ["SD", "السودان", "苏丹", "Soudan", "Судан", "Sudán"],
  SEN: ["SN", "السنغال", "塞内加尔", "Sénégal", "Сенегал", "Senegal"],
  SGP: ["SG", "سنغافورة", "新加坡", "Singapour", "Сингапур", "Singapur"],
  SLB: ["SB", "جزر سليمان", "所罗门群岛", "Îles Salomon", "Соломоновы Острова", "Islas Salomón"],
  SLE: ["SL", "سيراليون", "塞拉利昂", "Sierra Leone", "Сьерра-Леоне", "Sierra Leona"],
  SLV: ["SV", "السلفادور", "萨尔瓦多", "El Salvador", "Сальвадор", "El Salvador"],
  SMR: ["SM", "سان مارينو", "圣马力诺", "Saint-Marin", "Сан-Марино", "San Marino"],
  SOM: ["SO", "الصومال", "索马里", "Somalie", "Сомали", "Somalia"],
  SRB: ["RS", "صربيا", "塞尔维亚", "Serbie", "Сербия", "Serbia"],
  SSD: ["SS", "جنوب السودان", "南苏丹", "Soudan du Sud", "Южный Судан", "Sudán del Sur"],
  STP: ["ST", "سان تومي وبرينسيبي", "圣多美和普林西比", "Sao Tomé-et-Principe", "Сан-Томе и Принсипи", "Santo Tomé y Príncipe"],
  SUR: ["SR", "سورينام", "苏里南", "Suriname", "Суринам", "Suriname"],
  SVK: ["SK", "سلوفاكيا", "斯洛伐克", "Slovaquie", "Словакия", "Eslovaquia"],
  SVN: ["SI", "سلوفينيا", "斯洛文尼亚", "Slovénie", "Словения", "Eslovenia"],
  SWE: ["SE", "السويد", "瑞典", "Suède", "Швеция", "Suecia"],
  SWZ: ["SZ", "إسواتيني", "斯威士兰", "Eswatini", "Эсватини", "Eswatini"],
  SYC: ["SC", "سيشيل", "塞舌尔", "Seychelles", "Сейшельские Острова", "Seychelles"],
  SYR: ["SY", "الجمهورية العربية السورية", "阿拉伯叙利亚共和国", "République arabe syrienne", "Сирийская Арабская Республика", "República Árabe Siria"],
  TCD: ["TD", "تشاد", "乍得", "Tchad", "Чад", "Chad"],
  TGO: ["TG", "توغو", "多哥", "Togo", "Того", "Togo"],
  THA: ["TH", "تايلند", "泰国", "Thaïlande", "Таиланд", "Tailandia"],
  TJK: ["TJ", "طاجيكستان", "塔吉克斯坦", "Tadjikistan", "Таджикистан", "Tayikistán"],
  TKM: ["TM", "تركمانستان", "土库曼斯坦", "Turkménistan", "Туркменистан", "Turkmenistán"],
  TLS: ["TL", "تيمور - ليشتي", "东帝汶", "Timor-Leste", "Тимор-Лешти", "Timor-Leste"],
  TON: ["TO", "تونغا", "汤加", "Tonga", "Тонга", "Tonga"],
  TTO: ["TT", "ترينيداد وتوباغو", "特立尼达和多巴哥", "Trinité-et-Tobago", "Тринидад и Тобаго", "Trinidad y Tabago"],
  TUN: ["TN", "تونس", "突尼斯", "Tunisie", "Тунис", "Túnez"],
  TUR: ["TR", "تركيا", "土耳其", "Türkiye", "Турция", "Türkiye"],
  TUV: ["TV", "توفالو", "图瓦卢", "Tuvalu", "Тувалу", "Tuvalu"],
  TZA: [
    "TZ",
    "جمهورية تنزانيا المتحدة",
    "坦桑尼亚联合共和国",
    "République-Unie de Tanzanie",
    "Объединенная Республика Танзания",
    "República Unida de Tanzanía",
  ],
  UGA: ["UG", "أوغندا", "乌干达", "Ouganda", "Уганда", "Uganda"],
  UKR: ["UA", "أوكرانيا", "乌克兰", "Ukraine", "Украина", "Ucrania"],
  URY: ["UY", "أوروغواي", "乌拉圭", "Uruguay", "Уругвай", "Uruguay"],
  USA: ["US", "الولايات المتحدة الأمريكية", "美利坚合众国", "États-Unis d'Amérique", "Соединенные Штаты Америки", "Estados Unidos de América"],
  UZB: ["UZ", "أوزبكستان", "乌兹别克斯坦", "Ouzbékistan", "Узбекистан", "Uzbekistán"],
  VAT: ["VA", "الكرسي الرسولي", "教廷", "Saint-Siège", "Святой Престол", "Santa Sede"],
  VCT: [
    "VC",
    "سانت فنسنت وجزر غرينادين",
    "圣文森特和格林纳丁斯",
    "Saint-Vincent-et-les Grenadines",
    "Сент-Винсент и Гренадины",
    "San Vicente y las Granadinas",
  ],
  VEN: [
    "VE",
    "فنزويلا (جمهورية - البوليفارية)",
    "委内瑞拉玻利瓦尔共和国",
    "Venezuela (République bolivarienne du)",
    "Венесуэла (Боливарианская Республика)",
    "Venezuela (República Bolivariana de)",
  ],
  VNM: ["VN", "فييت نام", "越南", "Viet Nam", "Вьетнам", "Viet Nam"],
  VUT: ["VU", "فانواتو", "瓦努阿图", "Vanuatu", "Вануату", "Vanuatu"],
  WSM: ["WS", "ساموا", "萨摩亚", "Samoa", "Самоа", "Samoa"],
  YEM: ["YE", "اليمن", "也门", "Yémen", "Йемен", "Yemen"],
  ZAF: ["ZA", "جنوب أفريقيا", "南非", "Afrique du Sud", "Южная Африка", "Sudáfrica"],
  ZMB: ["ZM", "زامبيا", "赞比亚", "Zambie", "Замбия", "Zambia"],
  ZWE: ["ZW", "زمبابوي", "津巴布韦", "Zimbabwe", "Зимбабве", "Zimbabwe"],
};

const ARAB_STATES_IN_AFRICA = "In Africa geographically and a member of the League of Arab States: ITU-D statistics count it in Arab States, not Africa.";
const NOT_YET_CHECKED = "Not yet checked against the ITU regions page or the ITU DataHub.";

/**
 * The assignments that schemas/reference/itu-regions.md lists under "Uncertain or differing
 * assignments", with a one-line note each. Keep in step with that file.
 */
const UNCERTAIN_NOTES: Readonly<Record<string, string>> = {
  GEO: "Europe in the current source; older ITU statistics (2009 CIS profile, ICT Development Index around 2014) and earlier versions of the source put it in CIS.",
  MDA: "Europe in the current source; older ITU statistics (2009 CIS profile, ICT Development Index around 2014) and earlier versions of the source put it in CIS.",
  UKR: "Europe in the current source; older ITU statistics (2009 CIS profile, ICT Development Index around 2014) and earlier versions of the source put it in CIS.",
  DZA: ARAB_STATES_IN_AFRICA,
  COM: `${ARAB_STATES_IN_AFRICA} ITU names it in the Arab States region (Connect Arab Summit 2012).`,
  DJI: ARAB_STATES_IN_AFRICA,
  EGY: ARAB_STATES_IN_AFRICA,
  LBY: ARAB_STATES_IN_AFRICA,
  MRT: `${ARAB_STATES_IN_AFRICA} ITU names it in the Arab States region (Connect Arab Summit 2012).`,
  MAR: ARAB_STATES_IN_AFRICA,
  SDN: ARAB_STATES_IN_AFRICA,
  TUN: ARAB_STATES_IN_AFRICA,
  SOM: "Open point: ITU-D statistics count it in Arab States, but BDT's 2025 year in review lists it among its activities in Africa.",
  TUR: `Europe, listed explicitly in the source; not Arab States or Asia and the Pacific. ${NOT_YET_CHECKED}`,
  ISR: `Europe, listed explicitly in the source; not Arab States or Asia and the Pacific. ${NOT_YET_CHECKED}`,
  CYP: `Europe, listed explicitly in the source; not Arab States or Asia and the Pacific. ${NOT_YET_CHECKED}`,
  IRN: `Asia and the Pacific (radio Region 3), not Arab States. ${NOT_YET_CHECKED}`,
  MNG: "Asia and the Pacific, an explicit exception in the source although it is in radio Region 1.",
  AFG: "Asia and the Pacific, confirmed by the ITU DataHub (ITU/BDT classification).",
  PAK: `Asia and the Pacific. ${NOT_YET_CHECKED}`,
  PLW: "ITU Member State only since September 2024: older ITU tables may list it as a non-member economy, still in Asia and the Pacific.",
  VAT: "An ITU Member State (as Vatican City State) but not a UN Member State; Europe.",
  PSE: "Not an ITU Member State (observer status, not verified); ITU-D statistics count it in Arab States.",
};

/** Parses CSV text (RFC 4180: quoted fields with commas, line breaks and doubled quotes; LF or CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  // Just after a closing quote, only a comma, a line break or the end may follow.
  let closed = false;
  let line = 1;
  let quoteLine = 0;
  // A byte-order mark is not part of the first column's name.
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          closed = true;
        }
      } else {
        if (char === "\n") line++;
        field += char;
      }
    } else if (closed && char !== "," && char !== "\n" && char !== "\r") {
      throw new Error(`CSV line ${line}: text after the closing quote of a field`);
    } else if (char === '"') {
      if (field !== "") throw new Error(`CSV line ${line}: a quote inside an unquoted field`);
      quoted = true;
      quoteLine = line;
    } else if (char === ",") {
      row.push(field);
      field = "";
      closed = false;
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      closed = false;
      line++;
    } else {
      field += char;
    }
  }
  if (quoted) throw new Error(`CSV line ${quoteLine}: a quoted field is never closed`);
  if (field !== "" || closed || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Reads the reference table (header iso3,name,itu_d_region,source_url,confidence,note) into rows. */
export function parseRegionTable(text: string, fileName: string): RegionRow[] {
  const [header, ...records] = parseCsv(text);
  if (!header || header.join(",") !== COLUMNS.join(",")) {
    throw new Error(`${fileName}: the header must be "${COLUMNS.join(",")}"`);
  }
  // Line numbers assume no line breaks inside fields, which the reference files do not have.
  return records
    .map((fields, index) => ({ fields, line: index + 2 }))
    .filter(({ fields }) => !(fields.length === 1 && fields[0] === ""))
    .map(({ fields, line }) => {
      if (fields.length !== COLUMNS.length) {
        throw new Error(`${fileName}:${line}: expected ${COLUMNS.length} fields, found ${fields.length}`);
      }
      const [iso3, name, region, sourceUrl, confidence, note] = fields as [string, string, string, string, string, string];
      return { iso3, name, region, sourceUrl, confidence, note, line };
    });
}

/** The countries vocabulary's fixed parts: what it is and where it comes from. */
const VOCABULARY_HEAD = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://cop-atlas.github.io/cop-atlas/schemas/vocab/countries.json",
  title: "Countries",
  description:
    "The 193 Member States of the United Nations, the Holy See and the State of Palestine, by ISO 3166-1 alpha-3 code, with their ITU-D region (meta.region, an id of regions.json). Names are the United Nations short names (UNTERM). Generated by scripts/cli/generate-countries.ts from the reviewed reference table schemas/reference/itu-regions.csv and itu-regions-non-un.csv (sources and notes in itu-regions.md): do not edit by hand. meta.confidence is the table's confidence, meta.uncertain marks the assignments that itu-regions.md lists as uncertain or differing (with meta.note), and meta.un is false for the two that are not UN Member States.",
  // The description in the other five languages, as every vocabulary has it (schemas/vocabulary.schema.json).
  descriptions: {
    ar: "الدول الأعضاء في الأمم المتحدة البالغ عددها 193 دولة، والكرسي الرسولي، ودولة فلسطين، برمز ISO 3166-1 alpha-3، مع منطقة كل منها في قطاع تنمية الاتصالات (meta.region، وهو معرّف من regions.json). والأسماء هي الأسماء المختصرة المعتمدة في الأمم المتحدة (UNTERM). يُولّد هذا الملف بالبرنامج scripts/cli/generate-countries.ts من الجدول المرجعي المراجَع schemas/reference/itu-regions.csv ومن itu-regions-non-un.csv (المصادر والملاحظات في itu-regions.md): لا تحرّره يدوياً. وmeta.confidence هي درجة الثقة الواردة في الجدول، وmeta.uncertain تميّز التوزيعات التي يذكرها itu-regions.md بوصفها غير مؤكدة أو مختلفة (مع meta.note)، وmeta.un قيمتها false للكيانين اللذين ليسا من الدول الأعضاء في الأمم المتحدة.",
    zh: "联合国193个会员国、教廷和巴勒斯坦国，按ISO 3166-1 alpha-3代码列出，并附其国际电联电信发展部门区域（meta.region，即 regions.json 中的标识）。名称为联合国简称（UNTERM）。本文件由 scripts/cli/generate-countries.ts 根据经审核的参考表 schemas/reference/itu-regions.csv 和 itu-regions-non-un.csv 生成（来源和注释见 itu-regions.md）：请勿手工编辑。meta.confidence 为参考表中的可信度，meta.uncertain 标出 itu-regions.md 列为不确定或有出入的归属（附 meta.note），两个非联合国会员国的 meta.un 为 false。",
    fr: "Les 193 États Membres de l'Organisation des Nations Unies, le Saint-Siège et l'État de Palestine, par code ISO 3166-1 alpha-3, avec leur région UIT-D (meta.region, un identifiant de regions.json). Les noms sont les noms courts de l'ONU (UNTERM). Produit par scripts/cli/generate-countries.ts à partir de la table de référence revue schemas/reference/itu-regions.csv et de itu-regions-non-un.csv (sources et notes dans itu-regions.md) : ne pas modifier à la main. meta.confidence est le degré de confiance de la table, meta.uncertain signale les rattachements que itu-regions.md donne comme incertains ou divergents (avec meta.note), et meta.un vaut false pour les deux qui ne sont pas États Membres de l'ONU.",
    ru: "193 государства — члена Организации Объединённых Наций, Святой Престол и Государство Палестина, по кодам ISO 3166-1 alpha-3, с их регионом МСЭ-D (meta.region — идентификатор из regions.json). Названия — краткие названия ООН (UNTERM). Файл создаётся программой scripts/cli/generate-countries.ts из проверенной справочной таблицы schemas/reference/itu-regions.csv и itu-regions-non-un.csv (источники и примечания — в itu-regions.md): не редактируйте его вручную. meta.confidence — степень достоверности по таблице, meta.uncertain отмечает отнесения, которые itu-regions.md называет неопределёнными или расходящимися (с meta.note), а meta.un равно false для двух, не являющихся членами ООН.",
    es: "Los 193 Estados Miembros de las Naciones Unidas, la Santa Sede y el Estado de Palestina, por código ISO 3166-1 alfa-3, con su región UIT-D (meta.region, un identificador de regions.json). Los nombres son los nombres cortos de las Naciones Unidas (UNTERM). Lo genera scripts/cli/generate-countries.ts a partir de la tabla de referencia revisada schemas/reference/itu-regions.csv y de itu-regions-non-un.csv (fuentes y notas en itu-regions.md): no lo edite a mano. meta.confidence es el grado de confianza de la tabla, meta.uncertain marca las asignaciones que itu-regions.md da como inciertas o divergentes (con meta.note), y meta.un es false para los dos que no son Estados Miembros de las Naciones Unidas.",
  },
  labels: { ar: "البلد", zh: "国家", en: "Country", fr: "Pays", ru: "Страна", es: "País" },
  sources: [
    "https://www.itu.int/en/ITU-D/Statistics/Pages/definitions/regions.aspx",
    "https://github.com/FNS-Division/govstack_map/blob/374ec640f8522129eb8be329b19cfe9a03a524bd/src/data/administrations.json",
    "https://www.itu.int/en/mediacentre/Pages/PR-2024-09-19-the-Republic-of-Palau-becomes-ITUs-194th-Member-State.aspx",
    "https://docsbay.net/strengthening-itus-regional-presence-in-the-cis-region",
    "https://www.itu.int/en/ITU-D/Regional-Presence/CIS/Pages/News/14.01.2025.aspx",
    "http://www.itu.int/net/newsroom/connect/arab/2012/reports/backgrounder.aspx",
    "https://itu.int/itu-d/sites/connect2recover/projects/arab-region",
    "https://www.itu.int/itu-d/sites/year-in-review-2025/home/index/directors-message",
  ],
} as const;

/**
 * Builds the countries vocabulary from the two reference CSV files: `members` (the 193 UN Member
 * States) and `nonMembers` (the Holy See and the State of Palestine). Throws when the table and
 * the names above disagree, so that neither can change without the other.
 */
export function buildCountriesVocabulary(members: string, nonMembers: string): CountriesVocabulary {
  const rows = [
    ...parseRegionTable(members, "itu-regions.csv").map((row) => ({ row, un: true, file: "itu-regions.csv" })),
    ...parseRegionTable(nonMembers, "itu-regions-non-un.csv").map((row) => ({ row, un: false, file: "itu-regions-non-un.csv" })),
  ];
  const seen = new Set<string>();
  const branches = rows.map(({ row, un, file }): CountryBranch => {
    const where = `${file}:${row.line}`;
    if (!/^[A-Z]{3}$/.test(row.iso3)) throw new Error(`${where}: "${row.iso3}" is not an ISO 3166-1 alpha-3 code`);
    if (seen.has(row.iso3)) throw new Error(`${where}: ${row.iso3} appears twice`);
    seen.add(row.iso3);
    const region = REGION_IDS[row.region];
    if (!region) throw new Error(`${where}: unknown ITU-D region "${row.region}"`);
    const names = COUNTRY_NAMES[row.iso3];
    if (!names) throw new Error(`${where}: ${row.iso3} has no names in countries-table.ts`);
    if (row.confidence === "") throw new Error(`${where}: ${row.iso3} has no confidence`);
    const [alpha2, ar, zh, fr, ru, es] = names;
    const note = UNCERTAIN_NOTES[row.iso3];
    return {
      const: row.iso3,
      labels: { ar, zh, en: row.name, fr, ru, es },
      meta: {
        alpha2,
        region,
        un,
        confidence: row.confidence,
        uncertain: note !== undefined,
        ...(note === undefined ? {} : { note }),
      },
    };
  });
  const unused = [...Object.keys(COUNTRY_NAMES), ...Object.keys(UNCERTAIN_NOTES)].filter((code) => !seen.has(code));
  if (unused.length > 0) throw new Error(`countries-table.ts: not in the reference table: ${[...new Set(unused)].join(", ")}`);
  branches.sort((a, b) => (a.const < b.const ? -1 : a.const > b.const ? 1 : 0));
  return { ...VOCABULARY_HEAD, sources: [...VOCABULARY_HEAD.sources], labels: { ...VOCABULARY_HEAD.labels }, oneOf: branches };
}

/** Serialises a vocabulary the way the repository stores JSON: two-space indent, final newline. */
export function formatVocabulary(vocabulary: unknown): string {
  return `${JSON.stringify(vocabulary, null, 2)}\n`;
}
