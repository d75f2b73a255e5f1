/**
 * Deterministic, dependency-free generator of realistic Linkup `get_candidates` records.
 *
 * Every candidate is derived from `(jobId, index)` alone, so a job of any size is a stable
 * prefix of an endless sequence: growing a job from 350 to 360 applicants keeps the first 350
 * byte-for-byte identical (that is how the mock simulates "new applicants"). Records use the
 * raw snake_case field names of the API (see /work/shared/linkup-api.md), including the odd
 * ones: empty strings, missing optional fields, both `GOOD` and `GOOD_FIT` ratings.
 */

/** The seeded jobs. `size` is the number of applicants the mock answers for the job. */
export const MOCK_JOBS = {
  empty: {
    jobId: '4000000000',
    size: 0,
    title: 'Office Manager',
    note: 'no applicants',
  },
  tiny: {
    jobId: '4000000003',
    size: 3,
    title: 'Barista (Weekend)',
    note: '3 applicants, the pinned non-ASCII names',
  },
  demo: {
    jobId: '4341315847',
    size: 350,
    title: 'Senior Frontend Engineer',
    note: 'the demo job',
  },
  large: {
    jobId: '4000002500',
    size: 2500,
    title: 'Customer Success Manager',
    note: '2,500 applicants',
  },
  huge: {
    jobId: '4000010000',
    size: 10000,
    title: 'Software Engineer, New Grad',
    note: '10,000 applicants, for benchmarks',
  },
  xss: {
    jobId: '4000000666',
    size: 5,
    title: '<img src=x onerror="window.__xss=1">',
    note: 'every text field is an XSS payload',
  },
  malformed: {
    jobId: '4000000777',
    size: 40,
    title: 'Data Analyst',
    note: '3 malformed records: 2 unstorable, 1 with experiences as a string',
  },
} as const;

export type MockJobName = keyof typeof MOCK_JOBS;
export type MockJob = (typeof MOCK_JOBS)[MockJobName];

export const DEMO_JOB_ID = MOCK_JOBS.demo.jobId;

/** Where the malformed records of job 4000000777 sit (0-based positions in the job). */
export const MALFORMED_JOB = {
  jobId: MOCK_JOBS.malformed.jobId,
  total: MOCK_JOBS.malformed.size,
  /** Records a client can store: all but the two without a usable application_id. */
  storable: MOCK_JOBS.malformed.size - 2,
  /** No `application_id` key at all: cannot be stored. */
  missingIdIndex: 5,
  /** `application_id: {}`: wrong type, cannot be stored. */
  wrongIdTypeIndex: 17,
  /** `experiences: "<a string>"`: odd optional field, the record must be kept. */
  experiencesStringIndex: 29,
} as const;

/** The first three applicants of every generated job (so a 3-applicant job is exactly these). */
export const PINNED_NAMES = [
  { first_name: 'Zoë', last_name: 'Ångström', full_name: 'Zoë Ångström' },
  { first_name: 'José', last_name: 'Núñez', full_name: 'José Núñez' },
  { first_name: '雷', last_name: '李', full_name: '李雷' },
] as const;

export const XSS_MARKER = 'window.__xss';

/** Payloads used by job 4000000666. Any of them executing sets `window.__xss = 1`. */
export const XSS_PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload="window.__xss=1">',
  '\'><iframe src="javascript:window.__xss=1"></iframe>',
  '<a href="javascript:window.__xss=1">click me</a>',
  '</textarea><script>window.__xss=1</script>',
  '{{constructor.constructor("window.__xss=1")()}}',
  '<style>@import "javascript:window.__xss=1";</style><b onmouseover="window.__xss=1">x</b>',
  // Spreadsheet formula injection, for the CSV export.
  '=HYPERLINK("http://evil.test/x","<img src=x onerror=\\"window.__xss=1\\">")',
  "+cmd|' /C calc'!A0 <script>window.__xss=1</script>",
] as const;

/** The profile URLs of job 4000000666's five applicants, in order. Only #2 may become a link. */
export const XSS_PROFILE_URLS = [
  'javascript:window.__xss=1',
  'http://evil.test/x',
  'https://www.linkedin.com/in/proper-profile-xss-test',
  'https://www.linkedin.com.evil.test/in/x',
  'JaVaScRiPt:window.__xss=1//https://www.linkedin.com/in/x',
] as const;

export interface RawExperience {
  title?: string;
  company?: string;
  company_url?: string;
  date_range?: string;
  description?: string;
}

export interface RawEducation {
  school?: string;
  degree?: string;
  field_of_study?: string;
  date_range?: string;
}

/** A well-formed raw candidate. Optional keys may be absent; strings may be empty. */
export interface RawCandidate {
  application_id: string;
  rating: string;
  is_top_choice: boolean;
  top_choice_message?: string;
  first_name?: string;
  last_name?: string;
  full_name?: string;
  headline?: string;
  public_identifier?: string;
  profile_url?: string;
  location?: string;
  experiences?: RawExperience[];
  application_date?: string;
  education?: RawEducation[];
}

/** What the mock actually sends: usually a RawCandidate, sometimes deliberately not. */
export type MockCandidateRecord = RawCandidate | Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: a tiny, fast 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a 32-bit hash with a final avalanche, used to seed per-candidate generators. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

interface Culture {
  first: readonly string[];
  last: readonly string[];
  /** How full_name is written: western "First Last", or "LastFirst"/"Last First". */
  order: 'western' | 'east-nospace' | 'east-space';
  locations: readonly string[];
  weight: number;
}

const CULTURES: readonly Culture[] = [
  {
    first: ['Emma', 'Liam', 'Olivia', 'Noah', 'Grace', 'Ethan', 'Hannah', 'Jack', 'Chloe', 'Sam'],
    last: ['Smith', 'Johnson', "O'Brien", 'MacDonald', 'Williams', 'Taylor', 'Brown', 'Walsh'],
    order: 'western',
    locations: [
      'Greater London, England, United Kingdom',
      'San Francisco Bay Area',
      'New York, New York, United States',
      'Dublin, County Dublin, Ireland',
      'Austin, Texas, United States',
      'Toronto, Ontario, Canada',
    ],
    weight: 18,
  },
  {
    first: ['Zoë', 'Åsa', 'Søren', 'Björn', 'Linnéa', 'Mikkel', 'Ingrid', 'Oskar', 'Sigrid'],
    last: ['Ångström', 'Øvergaard', 'Björklund', 'Lindqvist', 'Næss', 'Hjørth', 'Åberg'],
    order: 'western',
    locations: ['Stockholm, Sweden', 'Oslo, Norway', 'København, Denmark', 'Göteborg, Sweden'],
    weight: 6,
  },
  {
    first: ['José', 'María', 'Tomás', 'Lucía', 'Mateo', 'Camila', 'Sofía', 'Andrés', 'Inés'],
    last: ['Núñez', 'García', 'Hernández-López', 'de la Cruz', 'Muñoz', 'Peña', 'Ibáñez'],
    order: 'western',
    locations: [
      'Madrid, Comunidad de Madrid, España',
      'Ciudad de México, México',
      'Bogotá, D.C., Colombia',
      'Buenos Aires, Argentina',
      'Barcelona, Cataluña, España',
    ],
    weight: 10,
  },
  {
    first: ['Lukas', 'Jürgen', 'Anna', 'Maximilian', 'Lea', 'Felix', 'Sophie', 'Matthias'],
    last: ['Müller', 'Schröder', 'Weiß', 'Schmidt', 'Groß', 'Köhler', 'Becker', 'van der Berg'],
    order: 'western',
    locations: [
      'Berlin, Germany',
      'München, Bayern, Deutschland',
      'Zürich, Switzerland',
      'Wien, Österreich',
      'Amsterdam, North Holland, Netherlands',
    ],
    weight: 10,
  },
  {
    first: ['François', 'Chloé', 'Hélène', 'Théo', 'Amélie', 'Jérôme', 'Léa', 'Gaëlle'],
    last: ['Lefèvre', 'Dubois', 'Moreau', 'Girard', 'Bénard', 'Faure', 'Rousseau'],
    order: 'western',
    locations: ['Paris, Île-de-France, France', 'Lyon, Auvergne-Rhône-Alpes, France'],
    weight: 7,
  },
  {
    first: ['Łukasz', 'Żaneta', 'Mária', 'Jiří', 'Agnieszka', 'Paweł', 'Zuzana', 'Đorđe'],
    last: ['Kowalski', 'Dvořák', 'Wiśniewska', 'Nowak', 'Đorđević', 'Szabó', 'Łęcka'],
    order: 'western',
    locations: ['Kraków, Małopolskie, Poland', 'Praha, Czechia', 'Budapest, Hungary'],
    weight: 6,
  },
  {
    first: ['雷', '芳', '伟', '静', '敏', '磊', '婷'],
    last: ['李', '王', '张', '陈', '刘', '杨', '黄'],
    order: 'east-nospace',
    locations: ['上海市, 中国', '北京市, 中国', 'Shenzhen, Guangdong, China', 'Singapore'],
    weight: 4,
  },
  {
    first: ['Wei', 'Fang', 'Jing', 'Min', 'Lei', 'Xiaoming'],
    last: ['Zhang', 'Wang', 'Chen', 'Liu', 'Huang'],
    order: 'western',
    locations: [
      'Shanghai, China',
      'Singapore',
      'Hong Kong SAR',
      'Vancouver, British Columbia, Canada',
    ],
    weight: 3,
  },
  {
    first: ['太郎', '花子', '健太', '由紀'],
    last: ['山田', '佐藤', '鈴木', '渡辺'],
    order: 'east-space',
    locations: ['東京都, 日本', '大阪府, 日本'],
    weight: 2,
  },
  {
    first: ['Yuki', 'Hiroshi', 'Aiko', 'Kenta'],
    last: ['Tanaka', 'Sato', 'Watanabe', 'Suzuki'],
    order: 'western',
    locations: ['Tokyo, Japan', 'Osaka, Japan', 'Yokohama, Kanagawa, Japan'],
    weight: 2,
  },
  {
    first: ['민준', '서연', '지우', '하준'],
    last: ['김', '박', '이', '최'],
    order: 'east-nospace',
    locations: ['서울, 대한민국', 'Seoul, South Korea'],
    weight: 1,
  },
  {
    first: ['Ji-woo', 'Seo-yeon', 'Min-ho', 'Hyun-woo'],
    last: ['Kim', 'Park', 'Lee', 'Choi'],
    order: 'western',
    locations: ['Seoul, South Korea', 'Busan, South Korea'],
    weight: 2,
  },
  {
    first: ['Aarav', 'Priya', 'Ananya', 'Raj', 'Vikram', 'Diya', 'Arjun', 'Kavya'],
    last: ['Patel', 'Sharma', 'Iyer', 'Reddy', 'Banerjee', 'Nair', 'Gupta'],
    order: 'western',
    locations: [
      'Bengaluru, Karnataka, India',
      'Pune, Maharashtra, India',
      'Hyderabad, Telangana, India',
      'Chennai, Tamil Nadu, India',
    ],
    weight: 12,
  },
  {
    first: ['Oluwaseun', 'Chidi', 'Amara', 'Kwame', 'Ngozi', 'Tunde', 'Adaeze'],
    last: ['Okafor', 'Adeyemi', 'Mensah', 'Eze', 'Boateng', 'Nwosu'],
    order: 'western',
    locations: ['Lagos, Nigeria', 'Accra, Greater Accra Region, Ghana', 'Nairobi, Kenya'],
    weight: 6,
  },
  {
    first: ['ليلى', 'محمد', 'نور', 'يوسف'],
    last: ['حداد', 'الحسيني', 'منصور', 'خليل'],
    order: 'western',
    locations: ['دبي, الإمارات', 'عمّان, الأردن'],
    weight: 2,
  },
  {
    first: ['Fatima', 'Omar', 'Youssef', 'Nour', 'Layla'],
    last: ['Haddad', 'El-Amin', 'Khalil', 'Mansour'],
    order: 'western',
    locations: ['Dubai, United Arab Emirates', 'Cairo, Egypt', 'Amman, Jordan'],
    weight: 3,
  },
  {
    first: ['נועה', 'תמר', 'איתי'],
    last: ['כהן', 'לוי', 'מזרחי'],
    order: 'western',
    locations: ['תל אביב-יפו, ישראל'],
    weight: 1,
  },
  {
    first: ['Yael', 'Noa', 'Itai', 'Tamar'],
    last: ['Cohen', 'Levi', 'Mizrahi'],
    order: 'western',
    locations: ['Tel Aviv-Yafo, Israel', 'Haifa, Israel'],
    weight: 1,
  },
  {
    first: ['Ayşe', 'Mehmet', 'Elif', 'Çağrı', 'Gökhan'],
    last: ['Yılmaz', 'Öztürk', 'Şahin', 'Çelik'],
    order: 'western',
    locations: ['İstanbul, Türkiye', 'Ankara, Türkiye'],
    weight: 3,
  },
  {
    first: ['Minh', 'Thảo', 'Quang', 'Linh'],
    last: ['Nguyễn', 'Trần', 'Phạm', 'Lê'],
    order: 'western',
    locations: ['Hồ Chí Minh, Việt Nam', 'Hanoi, Vietnam'],
    weight: 3,
  },
  {
    first: ['João', 'Beatriz', 'Gonçalo', 'Mariana', 'Thiago', 'Luíza'],
    last: ['Silva', 'Santos', 'Conceição', 'Gonçalves', 'Araújo'],
    order: 'western',
    locations: ['São Paulo, São Paulo, Brasil', 'Lisboa, Portugal', 'Porto Alegre, Brasil'],
    weight: 6,
  },
  {
    first: ['Olga', 'Dmitri', 'Katarina', 'Nino'],
    last: ['Ivanova', 'Petrov', 'Beridze', 'Jovanović'],
    order: 'western',
    locations: ['Tbilisi, Georgia', 'Belgrade, Serbia', 'Riga, Latvia'],
    weight: 2,
  },
  {
    first: ['Анна', 'Алексей', 'Мария'],
    last: ['Смирнова', 'Кузнецов', 'Соколова'],
    order: 'western',
    locations: ['Алматы, Казахстан', 'Belgrade, Serbia'],
    weight: 1,
  },
  {
    first: ['Giulia', 'Marco', 'Alessandro', 'Chiara'],
    last: ['Rossi', 'Bianchi', 'Esposito', 'Ricci'],
    order: 'western',
    locations: ['Milano, Lombardia, Italia', 'Roma, Lazio, Italia'],
    weight: 3,
  },
  {
    first: ['Nikos', 'Eleni', 'Giorgos', 'Dimitra'],
    last: ['Papadopoulos', 'Georgiou', 'Nikolaou', 'Oikonomou'],
    order: 'western',
    locations: ['Athens, Attiki, Greece', 'Thessaloniki, Greece'],
    weight: 2,
  },
];
const CULTURE_WEIGHTS = CULTURES.map((c) => [c, c.weight] as const);

const EXTRA_LOCATIONS = ['Remote', 'European Union', 'Worldwide', 'EMEA'] as const;

interface Company {
  name: string;
  slug: string;
}

const COMPANIES: readonly Company[] = [
  { name: 'Spotify', slug: 'spotify' },
  { name: 'Zalando SE', slug: 'zalando' },
  { name: 'Doctolib', slug: 'doctolib' },
  { name: 'Shopify', slug: 'shopify' },
  { name: 'Stripe', slug: 'stripe' },
  { name: 'N26', slug: 'n26' },
  { name: 'Klarna', slug: 'klarna' },
  { name: 'Mercado Libre', slug: 'mercadolibre' },
  { name: 'Infosys', slug: 'infosys' },
  { name: 'Tata Consultancy Services', slug: 'tata-consultancy-services' },
  { name: 'Accenture', slug: 'accenture' },
  { name: 'Siemens', slug: 'siemens' },
  { name: 'Société Générale', slug: 'societe-generale' },
  { name: 'Nestlé', slug: 'nestle-s-a-' },
  { name: 'Flutterwave', slug: 'flutterwave' },
  { name: 'Paystack', slug: 'paystack' },
  { name: '腾讯 Tencent', slug: 'tencent' },
  { name: '楽天 Rakuten', slug: 'rakuten' },
  { name: 'Nubank', slug: 'nubank' },
  { name: 'Booking.com', slug: 'booking.com' },
  { name: 'Canva', slug: 'canva' },
  { name: 'Atlassian', slug: 'atlassian' },
  { name: 'Wise', slug: 'wise' },
  { name: 'Miro', slug: 'mirohq' },
  { name: 'Ubisoft', slug: 'ubisoft' },
  { name: 'Deutsche Bahn', slug: 'deutschebahn' },
  { name: 'Acme Corp', slug: 'acme-corp' },
  { name: 'Müller & Söhne GmbH', slug: 'mueller-und-soehne' },
  { name: 'Freelance', slug: '' },
  { name: 'Self-employed', slug: '' },
  { name: 'Stealth Startup', slug: '' },
];

const TITLES = [
  'Frontend Engineer',
  'Senior Frontend Engineer',
  'Software Engineer',
  'Senior Software Engineer',
  'Staff Engineer',
  'Full Stack Developer',
  'Engineering Manager',
  'Product Designer',
  'UX Researcher',
  'Data Analyst',
  'Data Scientist',
  'Machine Learning Engineer',
  'DevOps Engineer',
  'Site Reliability Engineer',
  'QA Automation Engineer',
  'Product Manager',
  'Customer Success Manager',
  'Account Executive',
  'Technical Writer',
  'Intern',
  'Working Student',
  'Ingénieure logicielle',
  'Softwareentwickler (m/w/d)',
  'Desarrollador Front-End',
  '软件工程师',
  'Barista',
] as const;

const SKILLS = [
  'React',
  'TypeScript',
  'Preact',
  'Node.js',
  'Design Systems',
  'Accessibility (a11y)',
  'GraphQL',
  'Kubernetes',
  'Python',
  'SQL',
  'Figma',
  'AWS',
  'Go',
  'Rust',
  'ML',
  'NLP',
  'Web Performance',
  'C#/.NET',
] as const;

const HEADLINE_FLAVOURS = [
  'Open to work',
  'Building delightful products 🚀',
  'Ex-FAANG',
  'Mentor @ ADPList',
  'Speaker & writer',
  'Lifelong learner 📚',
  'Coffee-driven developer ☕',
  '#OpenToWork',
  'Hiring! DM me',
] as const;

const DESCRIPTION_LINES = [
  'Led the migration of a legacy jQuery app to React and TypeScript.',
  'Reduced page load time by 43% through code splitting & image optimisation.',
  'Built and maintained the company design system (40+ components).',
  'Mentored 4 junior engineers; ran the weekly frontend guild.',
  'Owned the checkout funnel: A/B tests, analytics, conversion +12%.',
  'Worked closely with product & design in a cross-functional squad.',
  'Introduced end-to-end tests with Playwright; flaky tests ↓ 80%.',
  'On-call for a service handling 2M requests/day.',
  'Wrote internal docs — "how we ship" — adopted by 6 teams.',
  'Responsable du développement front-end (Vue.js, Nuxt).',
  'Verantwortlich für CI/CD-Pipelines und Infrastruktur als Code.',
  '负责前端架构设计与性能优化。',
  'Handled customer escalations for enterprise accounts in EMEA.',
  'Prepared >300 espresso-based drinks per shift.',
] as const;

const TOP_CHOICE_MESSAGES = [
  "I've used your product every day for three years and would love to help build it.",
  'Your engineering blog post on offline-first apps is the reason I applied. I think I can help!',
  'This role is my top choice: the mission, the team and the stack are exactly what I am looking for.',
  "J'adore votre produit et je serais ravie de rejoindre l'équipe.",
  'I am relocating to Berlin in March and this is the one job I really want. 🙏',
  'Ich bin sehr motiviert und freue mich auf ein Gespräch!',
] as const;

const SCHOOLS = [
  'Technische Universität München',
  'Universidad Nacional Autónoma de México',
  'University of Lagos',
  'KTH Royal Institute of Technology',
  'École Polytechnique',
  'Indian Institute of Technology, Bombay',
  '清华大学',
  'University of Toronto',
  'Le Wagon',
  'freeCodeCamp',
] as const;

const DEGREES = ["Bachelor's degree", "Master's degree", 'BSc', 'MSc', 'PhD', 'Bootcamp'] as const;
const FIELDS = [
  'Computer Science',
  'Informatik',
  'Design',
  'Economics',
  'Mathematics',
  '',
] as const;

const RATINGS = [
  ['UNRATED', 45],
  ['GOOD_FIT', 14],
  ['GOOD', 4],
  ['MAYBE', 17],
  ['NOT_A_FIT', 20],
] as const;

export const KNOWN_RATINGS = RATINGS.map(([r]) => r);

// ---------------------------------------------------------------------------------------------
// Generation

/** The generator's "today": fixed so every run produces the same dates. */
const REFERENCE_YEAR = 2025;
const REFERENCE_MONTH = 10; // October 2025
const REFERENCE_DATE_MS = Date.UTC(2025, 9, 15, 12, 0, 0);

const SEEDED_SLOTS: ReadonlyMap<string, number> = new Map(
  Object.values(MOCK_JOBS).map((job, i) => [job.jobId as string, i + 1]),
);

const ID_BASE = 10_000_000_000;
const SLOT_SIZE = 100_000_000;
// Odd and not a multiple of 5, so coprime with SLOT_SIZE: i -> i * M mod SLOT_SIZE is a bijection.
const ID_MULTIPLIER = 37_953_979;

function slotFor(jobId: string): number {
  return SEEDED_SLOTS.get(jobId) ?? 100 + (hashString(`slot:${jobId}`) % 800);
}

/**
 * The 11-digit application ID of the `index`-th applicant of `jobId`: unique within a job (a
 * bijection of the index inside the job's slot) and across the seeded jobs (distinct slots).
 */
export function applicationIdFor(jobId: string, index: number): string {
  const slot = slotFor(jobId);
  const shift = hashString(`shift:${jobId}`) % SLOT_SIZE;
  const inSlot = (index * ID_MULTIPLIER + shift) % SLOT_SIZE;
  return String(ID_BASE + slot * SLOT_SIZE + inSlot);
}

function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/[ßẞ]/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function hex(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += '0123456789abcdef'[rng.int(0, 15)];
  return out;
}

function publicIdentifierFor(rng: Rng, first: string, last: string): string {
  const base = slugify(`${first} ${last}`);
  if (!base || rng.chance(0.08)) {
    // LinkedIn's opaque member IDs, seen for profiles without a vanity URL.
    return `ACoAA${hex(rng, 6).toUpperCase()}${hex(rng, 20)}`;
  }
  return rng.chance(0.6) ? `${base}-${hex(rng, rng.int(6, 9))}` : base;
}

function monthYear(monthIndex: number): string {
  // monthIndex counts months since year 0; LinkedIn writes "M/YYYY".
  return `${(monthIndex % 12) + 1}/${Math.floor(monthIndex / 12)}`;
}

function experiencesFor(rng: Rng, count: number): RawExperience[] {
  const out: RawExperience[] = [];
  let end = REFERENCE_YEAR * 12 + (REFERENCE_MONTH - 1);
  for (let k = 0; k < count; k++) {
    const current = k === 0 && rng.chance(0.7);
    if (!current) end -= rng.int(0, 4);
    const start = end - rng.int(2, 48);
    const company = rng.pick(COMPANIES);
    const exp: RawExperience = {
      title: rng.pick(TITLES),
      company: company.name,
      company_url: company.slug ? `https://www.linkedin.com/company/${company.slug}/` : '',
      date_range: current
        ? `${monthYear(start)} - Present`
        : `${monthYear(start)} - ${monthYear(end)}`,
      description: '',
    };
    if (rng.chance(0.65)) {
      const lines = rng.int(1, 4);
      const picked: string[] = [];
      for (let l = 0; l < lines; l++) picked.push(rng.pick(DESCRIPTION_LINES));
      exp.description = rng.chance(0.5) ? picked.map((p) => `• ${p}`).join('\n') : picked.join(' ');
    }
    // The odd ones: a missing URL key, a missing description, an empty date range.
    if (rng.chance(0.05)) delete exp.company_url;
    if (rng.chance(0.05)) delete exp.description;
    if (rng.chance(0.03)) exp.date_range = '';
    out.push(exp);
    end = start - 1;
  }
  return out;
}

function headlineFor(rng: Rng, experiences: RawExperience[]): string {
  const roll = rng.float();
  const current = experiences[0];
  if (roll < 0.05) return '';
  if (roll < 0.45 && current?.title && current.company) {
    return `${current.title} at ${current.company}`;
  }
  if (roll < 0.75) {
    const title = current?.title || rng.pick(TITLES);
    return `${title} | ${rng.pick(SKILLS)}, ${rng.pick(SKILLS)} & ${rng.pick(SKILLS)}`;
  }
  if (roll < 0.95) return `${rng.pick(TITLES)} • ${rng.pick(HEADLINE_FLAVOURS)}`;
  // A long one, as some people write: tests truncation and wrapping.
  const parts: string[] = [];
  for (let i = 0; i < 12; i++) parts.push(rng.pick(SKILLS));
  return `${rng.pick(TITLES)} 🌍 ${parts.join(' · ')} — ${rng.pick(HEADLINE_FLAVOURS)} — ${rng.pick(HEADLINE_FLAVOURS)}`;
}

function applicationDateFor(rng: Rng, index: number): string {
  // Later applicants applied more recently, roughly; minutes to 60 days before the reference.
  const minutesAgo = rng.int(5, 60 * 24 * 60) / (1 + index / 5000);
  return new Date(REFERENCE_DATE_MS - Math.floor(minutesAgo) * 60_000).toISOString();
}

function educationFor(rng: Rng): RawEducation[] {
  const n = rng.int(1, 2);
  const out: RawEducation[] = [];
  let end = REFERENCE_YEAR - rng.int(0, 15);
  for (let i = 0; i < n; i++) {
    const start = end - rng.int(1, 5);
    out.push({
      school: rng.pick(SCHOOLS),
      degree: rng.pick(DEGREES),
      field_of_study: rng.pick(FIELDS),
      date_range: `${start} - ${end}`,
    });
    end = start;
  }
  return out;
}

/** The `index`-th (0-based) applicant of a generic job. Pure: same inputs, same record. */
export function generateCandidate(jobId: string, index: number): RawCandidate {
  const rng = new Rng(hashString(`${jobId}:${index}`));
  const culture = rng.weighted(CULTURE_WEIGHTS);
  let first = rng.pick(culture.first);
  let last = rng.pick(culture.last);
  let full: string;
  const pinned = PINNED_NAMES[index];
  if (pinned) {
    first = pinned.first_name;
    last = pinned.last_name;
    full = pinned.full_name;
  } else if (culture.order === 'east-nospace' && /^\P{Script=Latin}+$/u.test(first + last)) {
    full = `${last}${first}`;
  } else if (culture.order === 'east-space' && /^\P{Script=Latin}+$/u.test(first + last)) {
    full = `${last} ${first}`;
  } else {
    full = `${first} ${last}`;
    if (rng.chance(0.04)) full += rng.pick([', PhD', ', MBA', ' 🚀', ', CFA', ' (she/her)']);
  }

  const expCount = rng.weighted([
    [0, 10],
    [1, 25],
    [2, 30],
    [3, 20],
    [4, 15],
  ] as const);
  const experiences = experiencesFor(rng, expCount);
  const isTopChoice = rng.chance(0.05);
  const publicIdentifier = publicIdentifierFor(rng, first, last);

  const c: RawCandidate = {
    application_id: applicationIdFor(jobId, index),
    rating: rng.weighted(RATINGS),
    is_top_choice: isTopChoice,
    top_choice_message: isTopChoice ? rng.pick(TOP_CHOICE_MESSAGES) : '',
    first_name: first,
    last_name: last,
    full_name: full,
    headline: headlineFor(rng, experiences),
    public_identifier: publicIdentifier,
    profile_url: `https://www.linkedin.com/in/${publicIdentifier}`,
    location: rng.chance(0.12) ? rng.pick(EXTRA_LOCATIONS) : rng.pick(culture.locations),
    experiences,
  };

  // Odd but legitimate shapes, all of which a client must keep.
  if (!isTopChoice && rng.chance(0.3)) delete c.top_choice_message;
  const locationRoll = rng.float();
  if (locationRoll < 0.03) c.location = '';
  else if (locationRoll < 0.06) delete c.location;
  if (rng.chance(0.02)) delete c.experiences;
  if (rng.chance(0.01)) delete c.headline;
  if (rng.chance(0.01)) {
    c.public_identifier = '';
    c.profile_url = '';
  }
  if (rng.chance(0.6)) c.application_date = applicationDateFor(rng, index);
  if (rng.chance(0.35)) c.education = educationFor(rng);
  return c;
}

function xssCandidate(jobId: string, index: number): RawCandidate {
  const p = (k: number) => XSS_PAYLOADS[(index * 3 + k) % XSS_PAYLOADS.length] as string;
  return {
    application_id: applicationIdFor(jobId, index),
    // One of them also carries an unknown rating, which a client must keep as it is.
    rating: index === 0 ? p(9) : (KNOWN_RATINGS[index % KNOWN_RATINGS.length] as string),
    is_top_choice: index % 2 === 0,
    top_choice_message: p(1),
    first_name: p(2),
    last_name: p(3),
    full_name: `${p(0)} ${index}`,
    headline: p(4),
    public_identifier: p(5),
    profile_url: XSS_PROFILE_URLS[index] ?? 'javascript:window.__xss=1',
    location: p(6),
    experiences: [
      {
        title: p(7),
        company: p(8),
        company_url: index % 2 === 0 ? 'javascript:window.__xss=1' : 'http://evil.test/x',
        date_range: p(1),
        description: `${p(2)}\n${p(3)}`,
      },
      {
        title: p(4),
        company: p(5),
        company_url: 'https://www.linkedin.com/company/proper-company/',
        date_range: '3/2021 - Present',
        description: p(6),
      },
    ],
    application_date: new Date(REFERENCE_DATE_MS - index * 3_600_000).toISOString(),
    education: [{ school: p(7), degree: p(8), field_of_study: p(0), date_range: p(1) }],
  };
}

/** The record the mock answers for position `index` of `jobId` (special jobs included). */
export function candidateRecordAt(jobId: string, index: number): MockCandidateRecord {
  if (jobId === MOCK_JOBS.xss.jobId && index < MOCK_JOBS.xss.size) {
    return xssCandidate(jobId, index);
  }
  const c = generateCandidate(jobId, index);
  if (jobId === MALFORMED_JOB.jobId) {
    if (index === MALFORMED_JOB.missingIdIndex) {
      const { application_id: _dropped, ...rest } = c;
      return rest;
    }
    if (index === MALFORMED_JOB.wrongIdTypeIndex) return { ...c, application_id: {} };
    if (index === MALFORMED_JOB.experiencesStringIndex) {
      return { ...c, experiences: 'Senior Analyst at Acme Corp (2019 - 2021); Intern at Wise' };
    }
  }
  return c;
}

const cache = new Map<string, { records: MockCandidateRecord[]; json: string[] }>();

function ensure(jobId: string, size: number): { records: MockCandidateRecord[]; json: string[] } {
  let entry = cache.get(jobId);
  if (!entry) {
    entry = { records: [], json: [] };
    cache.set(jobId, entry);
  }
  for (let i = entry.records.length; i < size; i++) {
    const record = candidateRecordAt(jobId, i);
    entry.records.push(record);
    entry.json.push(JSON.stringify(record));
  }
  return entry;
}

/** The default number of applicants of a job: its seeded size, or 0 for any other job ID. */
export function defaultJobSize(jobId: string): number {
  for (const job of Object.values(MOCK_JOBS)) if (job.jobId === jobId) return job.size;
  return 0;
}

/**
 * The first `size` applicants of a job (default: its seeded size). Generated once and cached
 * per job; treat the result as read-only.
 */
export function getJobCandidates(
  jobId: string,
  size = defaultJobSize(jobId),
): readonly MockCandidateRecord[] {
  return ensure(jobId, size).records.slice(0, size);
}

/**
 * Records `[start, end)` of a job as pre-serialised JSON strings (cached), so a 1000-record page
 * costs a join rather than a stringify.
 */
export function getJobCandidatesJson(jobId: string, start: number, end: number): string[] {
  return ensure(jobId, end).json.slice(start, end);
}

/** Record `index` of a job, from the cache. */
export function getJobCandidate(jobId: string, index: number): MockCandidateRecord | undefined {
  return ensure(jobId, index + 1).records[index];
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

const MULTIPLIER_INVERSE = modInverse(BigInt(ID_MULTIPLIER), BigInt(SLOT_SIZE));

/**
 * Finds an applicant by application ID among the given jobs and sizes (by default the seeded
 * jobs). Inverts the ID scheme, so it costs O(jobs), not O(applicants).
 */
export function findCandidate(
  applicationId: string,
  jobSizes: ReadonlyMap<string, number> = new Map(
    Object.values(MOCK_JOBS).map((j) => [j.jobId as string, j.size]),
  ),
): { jobId: string; index: number; candidate: MockCandidateRecord } | undefined {
  if (!/^\d{11}$/.test(applicationId)) return undefined;
  const n = Number(applicationId) - ID_BASE;
  const inSlot = n % SLOT_SIZE;
  for (const [jobId, size] of jobSizes) {
    if (slotFor(jobId) !== Math.floor(n / SLOT_SIZE)) continue;
    const shift = hashString(`shift:${jobId}`) % SLOT_SIZE;
    // index = (inSlot - shift) * M^-1 mod SLOT_SIZE
    const index = Number(
      ((BigInt(inSlot - shift + SLOT_SIZE) % BigInt(SLOT_SIZE)) * MULTIPLIER_INVERSE) %
        BigInt(SLOT_SIZE),
    );
    if (index < size && applicationIdFor(jobId, index) === applicationId) {
      const candidate = getJobCandidate(jobId, index);
      if (candidate) return { jobId, index, candidate };
    }
  }
  return undefined;
}

/** A readable name for any record, including the malformed ones (used by the CV builder). */
export function displayNameOf(record: MockCandidateRecord): string {
  const full = (record as { full_name?: unknown }).full_name;
  return typeof full === 'string' && full ? full : 'Unknown Applicant';
}
