import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { narrativeVersion } from "../narrative-version.ts";
import type { SchemaCatalog } from "../schema/catalog.ts";

/** A small deterministic random generator (mulberry32), so that generated data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  /** How many entries (activity folders) to generate. */
  entries: number;
  /** Same seed, same repository, byte for byte (default 1). */
  seed?: number;
  /** Roughly how many words each narrative body has (default 350). */
  bodyWords?: number;
}

/** What was generated. */
export interface GeneratedRepository {
  entries: number;
  owners: number;
  narratives: number;
  files: number;
}

/** One generated file: repository path and text. */
export interface GeneratedFile {
  path: string;
  text: string;
}

/**
 * Words to build prose from, per language. Invented word lists, enough for titles and
 * bodies that do not repeat: the duplicates rule sees distinct titles, the parser sees real
 * Markdown in Latin, Arabic, Chinese and Cyrillic scripts.
 */
const WORDS: Record<string, string[]> = {
  en: "national strategy online safety children awareness helpline reporting education programme industry guidance law research youth participation capacity network schools parents teachers platform service training campaign evaluation regional partners ministry agency framework review digital skills wellbeing support community library toolkit curriculum survey".split(
    " ",
  ),
  fr: "stratégie nationale sécurité enfants sensibilisation ligne signalement éducation programme industrie orientation loi recherche jeunesse participation capacités réseau écoles parents enseignants plateforme service formation campagne évaluation partenaires ministère agence cadre numérique compétences soutien communauté".split(
    " ",
  ),
  es: "estrategia nacional seguridad niños sensibilización línea denuncia educación programa industria orientación ley investigación juventud participación capacidad red escuelas padres docentes plataforma servicio formación campaña evaluación socios ministerio agencia marco digital competencias apoyo comunidad".split(
    " ",
  ),
  ar: "الاستراتيجية الوطنية السلامة الأطفال التوعية خط الإبلاغ التعليم البرنامج الصناعة الإرشاد القانون البحث الشباب المشاركة القدرات الشبكة المدارس الآباء المعلمون المنصة الخدمة التدريب الحملة التقييم الشركاء الوزارة الوكالة الإطار الرقمية المهارات الدعم المجتمع".split(
    " ",
  ),
  zh: "国家 战略 网络 安全 儿童 意识 热线 举报 教育 方案 行业 指导 法律 研究 青年 参与 能力 网络 学校 家长 教师 平台 服务 培训 运动 评估 区域 伙伴 部门 机构 框架 数字 技能 支持 社区".split(
    " ",
  ),
  ru: "национальная стратегия безопасность дети осведомленность горячая линия сообщения образование программа отрасль руководство закон исследование молодежь участие потенциал сеть школы родители учителя платформа услуга обучение кампания оценка партнеры министерство агентство рамки цифровые навыки поддержка сообщество".split(
    " ",
  ),
};

const HEADINGS: Record<string, string[]> = {
  en: ["Context", "What was done", "Results", "Lessons learned"],
  fr: ["Contexte", "Ce qui a été fait", "Résultats", "Enseignements"],
  es: ["Contexto", "Qué se hizo", "Resultados", "Lecciones aprendidas"],
  ar: ["السياق", "ما تم إنجازه", "النتائج", "الدروس المستفادة"],
  zh: ["背景", "所做工作", "成果", "经验教训"],
  ru: ["Контекст", "Что было сделано", "Результаты", "Извлеченные уроки"],
};

const LANGUAGES = Object.keys(WORDS);
const TYPES = ["policy-strategy", "law", "hotline", "helpline", "awareness-campaign", "education-programme", "capacity-building", "research"];
const AUDIENCES = ["children", "parents-carers-educators", "industry", "policy-makers"];
const TOPICS = ["cyberbullying", "grooming", "digital-literacy", "privacy-data-protection", "harmful-content", "wellbeing"];

/**
 * Every file of a synthetic repository of `options.entries` entries in the project's layout:
 * country and organisation profiles, activity.json files and narratives in six languages, some
 * with translations, a few related entries. Deterministic for a seed. All of it is valid for the
 * given catalog (so benchmarks measure clean runs) and none of it is a real activity.
 */
export function* generateFiles(catalog: SchemaCatalog, options: GenerateOptions): Generator<GeneratedFile> {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const some = <T>(items: readonly T[], most: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * most) }, () => pick(items)))];
  const bodyWords = options.bodyWords ?? 350;
  const known = (list: string, values: readonly string[]) => values.filter((value) => catalog.vocabularies.get(list).terms.has(value));
  const types = known("types", TYPES);
  const audiences = known("audiences", AUDIENCES);
  const topics = known("topics", TOPICS);

  // Owners: countries in the vocabulary's order, plus organisations past a hundred entries; each gets 1 to 4 shares.
  const countryTerms = [...catalog.vocabularies.get("countries").terms.values()].filter((term) => typeof term.meta?.region === "string");
  const countryCount = Math.max(1, Math.min(countryTerms.length, Math.round(options.entries / 5)));
  const organizationCount = Math.min(12, Math.floor(options.entries / 100));
  const owners = [
    ...countryTerms
      .slice(0, countryCount)
      .map((term) => ({ dir: `countries/${term.id.toLowerCase()}`, id: term.id.toLowerCase(), country: term.id, name: term.labels.en })),
    ...Array.from({ length: organizationCount }, (_, index) => ({
      dir: `organizations/synthetic-network-${index + 1}`,
      id: `synthetic-network-${index + 1}`,
      country: undefined,
      name: `Synthetic network ${index + 1}`,
    })),
  ];
  const shares = owners.map(() => 1 + Math.floor(random() * 4));
  const totalShares = shares.reduce((sum, share) => sum + share, 0);
  const counts = shares.map((share) => Math.floor((share * options.entries) / totalShares));
  for (let index = 0, missing = options.entries - counts.reduce((a, b) => a + b, 0); missing > 0; index = (index + 1) % counts.length, missing--) {
    counts[index] = (counts[index] ?? 0) + 1;
  }

  const prose = (lang: string, count: number) => {
    const words = WORDS[lang] ?? WORDS.en ?? [];
    const separator = lang === "zh" ? "" : " ";
    return Array.from({ length: count }, () => pick(words)).join(separator);
  };
  const sentence = (lang: string, count: number) => `${prose(lang, count)}${lang === "zh" ? "。" : "."}`;

  for (const [ownerIndex, owner] of owners.entries()) {
    const count = counts[ownerIndex] ?? 0;
    if (count === 0) continue;
    if (owner.country) {
      const region = catalog.vocabularies.get("countries").terms.get(owner.country)?.meta?.region;
      yield { path: `${owner.dir}/country.json`, text: `${JSON.stringify({ region, reviewers: [] }, null, 2)}\n` };
    } else {
      const profile = { name: { en: owner.name }, category: "network", level: "international", reviewers: [] };
      yield { path: `${owner.dir}/organization.json`, text: `${JSON.stringify(profile, null, 2)}\n` };
    }
    const slugs: string[] = [];
    for (let index = 0; index < count; index++) {
      const year = 2005 + Math.floor(random() * 19);
      const slug = `${prose("en", 2 + Math.floor(random() * 3)).replaceAll(" ", "-")}-${index + 1}-${year}`;
      const dir = `${owner.dir}/activities/${slug}`;
      const original = random() < 0.55 ? "en" : pick(LANGUAGES);
      const evidence = random() < 0.1;
      const activity: Record<string, unknown> = {
        kind: evidence ? "good-practice" : pick(["activity", "case-study"]),
        type: pick(types),
        level: owner.country ? "national" : "international",
        status: pick(["active", "completed"]),
        start: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}`,
        lead: [{ name: `${owner.name} synthetic agency ${1 + Math.floor(random() * 20)}` }],
        audiences: some(audiences, 3),
        topics: some(topics, 4),
        links: [
          { url: `https://example.org/${owner.id}/${slug}`, type: "official" },
          ...(evidence ? [{ url: `https://example.org/${owner.id}/${slug}/evaluation`, type: "evaluation" }] : []),
        ],
        originalLanguage: original,
        provenance: { compiledBy: "editors" },
      };
      if (slugs.length > 0 && random() < 0.1) activity.related = [`${owner.id}/${pick(slugs)}`];
      slugs.push(slug);
      yield { path: `${dir}/activity.json`, text: `${JSON.stringify(activity, null, 2)}\n` };

      const languages = [original, ...LANGUAGES.filter((lang) => lang !== original && random() < 0.12)];
      let version = "";
      for (const lang of languages) {
        const title = `${prose(lang, 4 + Math.floor(random() * 6))} ${index + 1}`;
        const summary = sentence(lang, 12 + Math.floor(random() * 12));
        const [context, done, results, lessons] = HEADINGS[lang] ?? HEADINGS.en ?? [];
        const paragraphs = (words: number) =>
          Array.from({ length: Math.max(1, Math.round(words / 40)) }, () =>
            Array.from({ length: 3 }, () => sentence(lang, 10 + Math.floor(random() * 8))).join(" "),
          ).join("\n\n");
        const share = Math.max(20, Math.round(bodyWords / 4));
        const body = `\n## ${context}\n\n${paragraphs(share)}\n\n## ${done}\n\n- ${prose(lang, 6)}\n- **${prose(lang, 3)}** ${prose(lang, 5)}\n- [${prose(lang, 3)}](https://example.org/${owner.id}/${slug}/${lang})\n\n${paragraphs(share)}\n\n## ${results}\n\n${paragraphs(share)}\n\n## ${lessons}\n\n${paragraphs(share)}\n`;
        const frontmatter =
          lang === original
            ? `title: ${title}\nsummary: ${summary}\n`
            : `title: ${title}\nsummary: ${summary}\ntranslation:\n  from: ${original}\n  version: "${version}"\n  method: ${pick(["human", "machine", "reviewed"])}\n`;
        if (lang === original) version = narrativeVersion(title, summary, body);
        yield { path: `${dir}/${lang}.md`, text: `---\n${frontmatter}---\n${body}` };
      }
    }
  }
}

/**
 * Writes a synthetic repository into `root`: the project's schemas/ copied from `projectRoot`,
 * then `generateFiles`. For benchmarks and tests only, never into the project's own data.
 */
export function writeGeneratedRepository(projectRoot: string, root: string, catalog: SchemaCatalog, options: GenerateOptions): GeneratedRepository {
  cpSync(join(projectRoot, "schemas"), join(root, "schemas"), { recursive: true });
  const created = new Set<string>();
  const owners = new Set<string>();
  let files = 0;
  let entries = 0;
  let narratives = 0;
  for (const file of generateFiles(catalog, options)) {
    const folder = dirname(join(root, file.path));
    if (!created.has(folder)) {
      mkdirSync(folder, { recursive: true });
      created.add(folder);
    }
    writeFileSync(join(root, file.path), file.text);
    files++;
    owners.add(file.path.split("/").slice(0, 2).join("/"));
    if (file.path.endsWith("/activity.json")) entries++;
    else if (file.path.endsWith(".md")) narratives++;
  }
  return { entries, owners: owners.size, narratives, files };
}
