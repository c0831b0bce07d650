/**
 * People this guide is for, each with what a careful counselor expects for them and the fact it
 * rests on (../shared/reference/content-facts.md, by section). tests/personas.test.ts checks them
 * against `recommend`; five are walked end to end in tests/e2e/personas.spec.ts.
 */
import type { Answers } from '../src/lib/flow/schema';

export interface Persona {
	name: string;
	/** The facts the expectation rests on. */
	fact: string;
	answers: Answers;
	/** The opening safety block. */
	opening: string;
	/** Safety blocks that must be shown, and ones that must not. */
	safety: string[];
	notSafety?: string[];
	/** The best fit(s): more than one only when the answers cannot tell them apart. */
	best: string[];
	alternatives: string[];
	/** Cards that lead with the medication caution. */
	cautioned: string[];
	/** Danger rules, most urgent first. */
	dangers: string[];
	/** The best group(s) for a loved one themselves. */
	family?: string[];
	/** Styles equal to each other, named after the cards because they did not fit as a group. */
	more?: string[];
}

export const PERSONAS: Persona[] = [
	{
		name: 'methadone, spiritual, sponsor, in person',
		fact: '8.2: keep taking it, change only with the prescriber; 1.1/1.8: NA may limit people on medication, MARA is built for them',
		answers: {
			who: 'myself',
			substance: 'heroin',
			'other-depressants': 'none',
			'detox-status': 'on-moud',
			'danger-signs': ['none'],
			'moud-medication': 'methadone',
			pregnant: 'no',
			spiritual: 'welcome',
			meditation: 'no',
			structure: 'steps-sponsor',
			format: 'in-person',
			'group-prefs': []
		},
		opening: 'opening-medication',
		safety: ['fentanyl', 'naloxone'],
		best: ['medication-friendly'],
		alternatives: ['twelve-step', 'faith'],
		cautioned: ['twelve-step', 'faith'],
		dangers: []
	},
	{
		name: 'buprenorphine, secular, tools, online',
		fact: '1.4: SMART explicitly welcomes prescribed MOUD; 8.2 keep taking it',
		answers: {
			who: 'myself',
			substance: 'fentanyl',
			'other-depressants': 'none',
			'detox-status': 'on-moud',
			'danger-signs': ['none'],
			'moud-medication': 'buprenorphine',
			pregnant: 'no',
			spiritual: 'none',
			meditation: 'no',
			structure: 'tools-skills',
			format: 'online',
			'group-prefs': []
		},
		opening: 'opening-medication',
		safety: ['fentanyl', 'naloxone'],
		best: ['secular'],
		alternatives: ['medication-friendly', 'online'],
		cautioned: ['online'],
		dangers: []
	},
	{
		name: 'naltrexone shot, after detox',
		fact: '8.3: naltrexone does not cause withdrawal when stopped, but overdose risk is high as it wears off',
		answers: {
			who: 'myself',
			substance: 'painkillers',
			'other-depressants': 'none',
			'detox-status': 'on-moud',
			'danger-signs': ['none'],
			'moud-medication': 'naltrexone',
			pregnant: 'no',
			spiritual: 'open',
			meditation: 'maybe',
			structure: 'open-sharing',
			format: 'either',
			'group-prefs': []
		},
		opening: 'opening-naltrexone',
		safety: ['naloxone'],
		best: ['medication-friendly'],
		alternatives: ['meditation', 'secular'],
		cautioned: ['meditation'],
		dangers: []
	},
	{
		name: 'on medication, not sure which',
		fact: '8.2: keep taking it; 8.7: Virtual NA has phone meetings, MARA Zoom needs no sign-up',
		answers: {
			who: 'myself',
			substance: 'opium',
			'other-depressants': 'none',
			'detox-status': 'on-moud',
			'danger-signs': ['none'],
			'moud-medication': 'not-sure',
			pregnant: 'no',
			spiritual: 'open',
			meditation: 'no',
			structure: 'not-sure',
			format: 'phone',
			'group-prefs': []
		},
		opening: 'opening-medication',
		safety: ['fentanyl', 'naloxone'],
		best: ['medication-friendly'],
		alternatives: ['secular', 'online'],
		cautioned: ['online'],
		dangers: []
	},
	{
		name: 'pregnant, using fentanyl',
		fact: '8.1: see a doctor first, do not stop suddenly; medication over withdrawal; 8.4 fentanyl',
		answers: {
			who: 'myself',
			substance: 'fentanyl',
			'other-depressants': 'none',
			'detox-status': 'using',
			'danger-signs': ['none'],
			pregnant: 'yes',
			'moud-openness': 'maybe',
			spiritual: 'open',
			meditation: 'no',
			structure: 'not-sure',
			format: 'either',
			'group-prefs': []
		},
		opening: 'opening-pregnant',
		safety: ['status-using', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['secular', 'medication-friendly'],
		alternatives: ['online'],
		cautioned: ['online'],
		dangers: []
	},
	{
		name: 'might be pregnant, in withdrawal',
		fact: '8.1: pregnancy advice first; 1.1: NA may limit people on medication (open to it)',
		answers: {
			who: 'myself',
			substance: 'heroin',
			'other-depressants': 'none',
			'detox-status': 'withdrawal-now',
			'danger-signs': ['none'],
			pregnant: 'maybe',
			'moud-openness': 'yes',
			spiritual: 'welcome',
			meditation: 'no',
			structure: 'steps-sponsor',
			format: 'in-person',
			'group-prefs': ['women-only']
		},
		opening: 'opening-pregnant',
		safety: ['status-withdrawal-now', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['twelve-step'],
		alternatives: ['women', 'medication-friendly'],
		cautioned: ['twelve-step', 'women'],
		dangers: []
	},
	{
		name: 'pregnant on buprenorphine',
		fact: '8.1: keep taking it through pregnancy, do not switch (SAMHSA 2023)',
		answers: {
			who: 'myself',
			substance: 'heroin',
			'other-depressants': 'none',
			'detox-status': 'on-moud',
			'danger-signs': ['none'],
			'moud-medication': 'buprenorphine',
			pregnant: 'yes',
			spiritual: 'open',
			meditation: 'no',
			structure: 'tools-skills',
			format: 'online',
			'group-prefs': []
		},
		opening: 'opening-medication',
		safety: ['pregnancy-medication', 'fentanyl', 'naloxone'],
		best: ['secular'],
		alternatives: ['medication-friendly', 'online'],
		cautioned: ['online'],
		dangers: []
	},
	{
		name: 'pregnant, not ready',
		fact: '8.1 pregnancy advice replaces the not-ready opening; 1.4 SMART: members choose their own goals',
		answers: {
			who: 'myself',
			substance: 'street-pills',
			'other-depressants': 'none',
			'detox-status': 'not-ready',
			'danger-signs': ['none'],
			pregnant: 'yes',
			'moud-openness': 'no',
			spiritual: 'none',
			meditation: 'no',
			structure: 'not-sure',
			format: 'online',
			'group-prefs': []
		},
		opening: 'opening-pregnant',
		safety: ['status-not-ready', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['secular'],
		alternatives: ['online', 'medication-friendly'],
		cautioned: [],
		dangers: []
	},
	{
		name: 'just out of supervised detox',
		fact: '2.4: lost tolerance after detox; 2.1 detox alone is not treatment',
		answers: {
			who: 'myself',
			substance: 'heroin',
			'other-depressants': 'none',
			'detox-status': 'finished-detox',
			'danger-signs': ['none'],
			pregnant: 'no',
			'moud-openness': 'no',
			spiritual: 'welcome',
			meditation: 'no',
			structure: 'steps-sponsor',
			format: 'in-person',
			'group-prefs': []
		},
		opening: 'opening-default',
		safety: ['status-finished-detox', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['twelve-step'],
		alternatives: ['faith'],
		cautioned: [],
		dangers: []
	},
	{
		name: 'stopped alone, secular',
		fact: '2.4: lost tolerance after stopping; 1.4 SMART secular',
		answers: {
			who: 'myself',
			substance: 'painkillers',
			'other-depressants': 'none',
			'detox-status': 'stopped-alone',
			'danger-signs': ['none'],
			pregnant: 'no',
			'moud-openness': 'maybe',
			spiritual: 'none',
			meditation: 'no',
			structure: 'tools-skills',
			format: 'in-person',
			'group-prefs': []
		},
		opening: 'opening-default',
		safety: ['status-stopped-alone', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['secular'],
		alternatives: ['medication-friendly'],
		cautioned: [],
		dangers: []
	},
	{
		name: 'in a program, meditation',
		fact: '1.2: Recovery Dharma meditates at every meeting',
		answers: {
			who: 'myself',
			substance: 'opium',
			'other-depressants': 'none',
			'detox-status': 'in-program',
			'danger-signs': ['none'],
			pregnant: 'no',
			'moud-openness': 'no',
			spiritual: 'open',
			meditation: 'yes',
			structure: 'open-sharing',
			format: 'in-person',
			'group-prefs': []
		},
		opening: 'opening-default',
		safety: ['status-in-program', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['meditation'],
		alternatives: ['twelve-step', 'secular'],
		cautioned: [],
		dangers: []
	},
	{
		name: 'not ready, using fentanyl',
		fact: 'design: the not-ready path is respected; 8.4 fentanyl; 1.13 In The Rooms online',
		answers: {
			who: 'myself',
			substance: 'fentanyl',
			'other-depressants': 'none',
			'detox-status': 'not-ready',
			'danger-signs': ['none'],
			pregnant: 'no',
			'moud-openness': 'no',
			spiritual: 'open',
			meditation: 'maybe',
			structure: 'not-sure',
			format: 'online',
			'group-prefs': []
		},
		opening: 'opening-not-ready',
		safety: ['status-not-ready', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['online'],
		alternatives: ['secular', 'meditation'],
		cautioned: [],
		dangers: []
	},
	{
		name: 'co-use: benzos',
		fact: '2.6: benzodiazepine withdrawal can cause seizures (FDA)',
		answers: {
			who: 'myself',
			substance: 'street-pills',
			'other-depressants': 'benzos',
			'detox-status': 'using',
			'danger-signs': ['none'],
			pregnant: 'no',
			'moud-openness': 'yes',
			spiritual: 'none',
			meditation: 'no',
			structure: 'tools-skills',
			format: 'online',
			'group-prefs': []
		},
		opening: 'opening-default',
		safety: ['status-using', 'depressants', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['secular'],
		alternatives: ['medication-friendly', 'online'],
		cautioned: ['online'],
		dangers: ['depressants']
	},
	{
		name: 'co-use: alcohol, in withdrawal, seizure',
		fact: '2.3: seizure: call 911; 2.6 alcohol withdrawal',
		answers: {
			who: 'myself',
			substance: 'heroin',
			'other-depressants': 'alcohol',
			'detox-status': 'withdrawal-now',
			'danger-signs': ['severe-symptoms'],
			pregnant: 'no',
			'moud-openness': 'yes',
			spiritual: 'open',
			meditation: 'no',
			structure: 'not-sure',
			format: 'in-person',
			'group-prefs': []
		},
		opening: 'opening-default',
		safety: [
			'status-withdrawal-now',
			'depressants',
			'fentanyl',
			'not-treatment',
			'tolerance',
			'naloxone'
		],
		best: ['medication-friendly'],
		alternatives: ['secular', 'twelve-step'],
		cautioned: ['twelve-step'],
		dangers: ['severe-withdrawal', 'depressants']
	},
	{
		name: 'not sure about benzos',
		fact: '2.6: tell the team about every drug',
		answers: {
			who: 'myself',
			substance: 'not-sure',
			'other-depressants': 'not-sure',
			'detox-status': 'using',
			'danger-signs': ['none'],
			pregnant: 'no',
			'moud-openness': 'maybe',
			spiritual: 'open',
			meditation: 'no',
			structure: 'not-sure',
			format: 'either',
			'group-prefs': []
		},
		opening: 'opening-default',
		safety: [
			'status-using',
			'depressants-unsure',
			'fentanyl',
			'not-treatment',
			'tolerance',
			'naloxone'
		],
		best: ['secular', 'medication-friendly'],
		alternatives: ['online'],
		cautioned: ['online'],
		dangers: []
	},
	{
		name: 'street buprenorphine',
		fact: '8.5: any clinician with Schedule III authority may prescribe buprenorphine',
		answers: {
			who: 'myself',
			substance: 'street-moud',
			'other-depressants': 'none',
			'detox-status': 'using',
			'danger-signs': ['none'],
			pregnant: 'no',
			'moud-openness': 'yes',
			spiritual: 'none',
			meditation: 'no',
			structure: 'not-sure',
			format: 'online',
			'group-prefs': []
		},
		opening: 'opening-default',
		safety: [
			'status-using',
			'street-buprenorphine',
			'fentanyl',
			'not-treatment',
			'tolerance',
			'naloxone'
		],
		best: ['secular'],
		alternatives: ['medication-friendly', 'online'],
		cautioned: ['online'],
		dangers: []
	},
	{
		name: 'overdose and suicidal thoughts',
		fact: '2.3: overdose signs, call 911; 4.1: 988 for suicidal thoughts',
		answers: {
			who: 'myself',
			substance: 'fentanyl',
			'other-depressants': 'none',
			'detox-status': 'stopped-alone',
			'danger-signs': ['overdose-signs', 'self-harm'],
			pregnant: 'no',
			'moud-openness': 'maybe',
			spiritual: 'open',
			meditation: 'no',
			structure: 'not-sure',
			format: 'online',
			'group-prefs': []
		},
		opening: 'opening-default',
		safety: ['status-stopped-alone', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['online'],
		alternatives: ['secular', 'medication-friendly'],
		cautioned: ['online'],
		dangers: ['overdose', 'self-harm']
	},
	{
		name: 'dehydration and self-harm',
		fact: '2.3: self-harm is an emergency (988, 911); dehydration needs a doctor now',
		answers: {
			who: 'myself',
			substance: 'heroin',
			'other-depressants': 'none',
			'detox-status': 'withdrawal-now',
			'danger-signs': ['cannot-keep-fluids', 'self-harm'],
			pregnant: 'no',
			'moud-openness': 'yes',
			spiritual: 'none',
			meditation: 'no',
			structure: 'tools-skills',
			format: 'online',
			'group-prefs': []
		},
		opening: 'opening-default',
		safety: ['status-withdrawal-now', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['secular'],
		alternatives: ['medication-friendly', 'online'],
		cautioned: ['online'],
		dangers: ['self-harm', 'dehydration']
	},
	{
		name: 'Christian, steps',
		fact: '1.9: Celebrate Recovery is a Christ-centered 12-step program',
		answers: {
			who: 'myself',
			substance: 'painkillers',
			'other-depressants': 'none',
			'detox-status': 'finished-detox',
			'danger-signs': ['none'],
			pregnant: 'no',
			'moud-openness': 'no',
			spiritual: 'christian',
			meditation: 'no',
			structure: 'steps-sponsor',
			format: 'in-person',
			'group-prefs': []
		},
		opening: 'opening-default',
		safety: ['status-finished-detox', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['faith'],
		alternatives: ['twelve-step'],
		cautioned: [],
		dangers: []
	},
	{
		name: 'women-only, on methadone',
		fact: '1.7: Women for Sobriety is for women, MOUD stance not found (ask); 1.4 SMART welcomes MOUD',
		answers: {
			who: 'myself',
			substance: 'heroin',
			'other-depressants': 'none',
			'detox-status': 'on-moud',
			'danger-signs': ['none'],
			'moud-medication': 'methadone',
			pregnant: 'no',
			spiritual: 'none',
			meditation: 'maybe',
			structure: 'tools-skills',
			format: 'online',
			'group-prefs': ['women-only']
		},
		opening: 'opening-medication',
		safety: ['fentanyl', 'naloxone'],
		best: ['secular'],
		alternatives: ['women', 'medication-friendly'],
		cautioned: ['women'],
		dangers: []
	},
	{
		name: 'Spanish speaker, 12-step',
		fact: '8.7: Virtual NA lists online and phone meetings by language',
		answers: {
			who: 'myself',
			substance: 'heroin',
			'other-depressants': 'none',
			'detox-status': 'finished-detox',
			'danger-signs': ['none'],
			pregnant: 'no',
			'moud-openness': 'no',
			spiritual: 'welcome',
			meditation: 'no',
			structure: 'steps-sponsor',
			format: 'phone',
			'group-prefs': ['spanish']
		},
		opening: 'opening-default',
		safety: ['status-finished-detox', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['twelve-step'],
		alternatives: ['faith', 'online'],
		cautioned: [],
		dangers: []
	},
	{
		name: 'Spanish speaker, secular',
		fact: '1.4: SMART materials in Spanish',
		answers: {
			who: 'myself',
			substance: 'painkillers',
			'other-depressants': 'none',
			'detox-status': 'stopped-alone',
			'danger-signs': ['none'],
			pregnant: 'no',
			'moud-openness': 'maybe',
			spiritual: 'none',
			meditation: 'no',
			structure: 'tools-skills',
			format: 'online',
			'group-prefs': ['spanish']
		},
		opening: 'opening-default',
		safety: ['status-stopped-alone', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['secular'],
		alternatives: ['online', 'medication-friendly'],
		cautioned: ['online'],
		dangers: []
	},
	{
		name: 'LGBTQ+, meditation',
		fact: '8.8: Recovery Dharma supports affinity groups',
		answers: {
			who: 'myself',
			substance: 'fentanyl',
			'other-depressants': 'none',
			'detox-status': 'in-program',
			'danger-signs': ['none'],
			pregnant: 'no',
			'moud-openness': 'no',
			spiritual: 'open',
			meditation: 'yes',
			structure: 'open-sharing',
			format: 'in-person',
			'group-prefs': ['lgbtq']
		},
		opening: 'opening-default',
		safety: ['status-in-program', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['meditation'],
		alternatives: ['twelve-step', 'secular'],
		cautioned: [],
		dangers: []
	},
	{
		name: 'young, online',
		fact: '8.8: look for the young people label or ask',
		answers: {
			who: 'myself',
			substance: 'street-pills',
			'other-depressants': 'none',
			'detox-status': 'using',
			'danger-signs': ['none'],
			pregnant: 'no',
			'moud-openness': 'maybe',
			spiritual: 'open',
			meditation: 'no',
			structure: 'not-sure',
			format: 'online',
			'group-prefs': ['young']
		},
		opening: 'opening-default',
		safety: ['status-using', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['online'],
		alternatives: ['secular', 'medication-friendly'],
		cautioned: ['online'],
		dangers: []
	},
	{
		name: 'mother, wants support for herself, spiritual',
		fact: '1.14: Nar-Anon is spiritual, not religious',
		answers: {
			who: 'loved-one',
			substance: 'heroin',
			'other-depressants': 'none',
			'detox-status': 'using',
			'danger-signs': ['none'],
			'person-pregnant': 'no',
			'person-moud-openness': 'unknown',
			'loved-one-help': 'for-me',
			'family-spiritual': 'welcome',
			'family-format': 'in-person'
		},
		opening: 'opening-default',
		safety: ['status-using', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['twelve-step'],
		alternatives: [],
		cautioned: [],
		dangers: [],
		family: ['family-twelve-step'],
		more: ['meditation', 'secular', 'online', 'medication-friendly', 'faith']
	},
	{
		name: 'mother, ideas to help her son',
		fact: '1.17: CRAFT 62-63% treatment entry vs 37% for Al-Anon/Nar-Anon facilitation',
		answers: {
			who: 'loved-one',
			substance: 'fentanyl',
			'other-depressants': 'none',
			'detox-status': 'using',
			'danger-signs': ['none'],
			'person-pregnant': 'no',
			'person-moud-openness': 'no',
			'loved-one-help': 'for-them'
		},
		opening: 'opening-default',
		safety: ['status-using', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['twelve-step', 'meditation', 'secular', 'online', 'faith'],
		alternatives: [],
		cautioned: [],
		dangers: [],
		family: ['family-skills']
	},
	{
		name: 'partner, both, secular, son on methadone',
		fact: '1.16: SMART Family & Friends is secular and uses CRAFT; 8.2 keep taking it',
		answers: {
			who: 'loved-one',
			substance: 'heroin',
			'other-depressants': 'none',
			'detox-status': 'on-moud',
			'danger-signs': ['none'],
			'moud-medication': 'methadone',
			'person-pregnant': 'no',
			'loved-one-help': 'both',
			'family-spiritual': 'none',
			'family-format': 'online'
		},
		opening: 'opening-medication',
		safety: ['fentanyl', 'naloxone'],
		best: ['medication-friendly'],
		alternatives: ['secular'],
		cautioned: [],
		dangers: [],
		family: ['family-skills'],
		more: ['meditation', 'online', 'faith']
	},
	{
		name: 'friend, daughter may be pregnant',
		fact: '8.1: a doctor should know before opioids are stopped in pregnancy',
		answers: {
			who: 'loved-one',
			substance: 'fentanyl',
			'other-depressants': 'none',
			'detox-status': 'withdrawal-now',
			'danger-signs': ['none'],
			'person-pregnant': 'unknown',
			'person-moud-openness': 'yes',
			'loved-one-help': 'both',
			'family-spiritual': 'open',
			'family-format': 'phone'
		},
		opening: 'opening-default',
		safety: [
			'pregnancy-unknown',
			'status-withdrawal-now',
			'fentanyl',
			'not-treatment',
			'tolerance',
			'naloxone'
		],
		best: ['medication-friendly'],
		alternatives: ['secular'],
		cautioned: [],
		dangers: [],
		family: ['family-twelve-step'],
		more: ['meditation', 'online', 'faith']
	},
	{
		name: 'loved one: overdose now',
		fact: '2.3: call 911, give naloxone, stay with the person',
		answers: {
			who: 'loved-one',
			substance: 'fentanyl',
			'other-depressants': 'none',
			'detox-status': 'using',
			'danger-signs': ['overdose-signs'],
			'person-pregnant': 'no',
			'person-moud-openness': 'unknown',
			'loved-one-help': 'for-them'
		},
		opening: 'opening-default',
		safety: ['status-using', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['twelve-step', 'meditation', 'secular', 'online', 'medication-friendly', 'faith'],
		alternatives: [],
		cautioned: [],
		dangers: ['overdose'],
		family: ['family-skills']
	},
	{
		name: 'loved one: pregnant daughter, not ready',
		fact: '8.1 pregnancy advice; 1.14/1.16 both family groups fit equally',
		answers: {
			who: 'loved-one',
			substance: 'street-pills',
			'other-depressants': 'none',
			'detox-status': 'not-ready',
			'danger-signs': ['none'],
			'person-pregnant': 'yes',
			'person-moud-openness': 'maybe',
			'loved-one-help': 'for-me',
			'family-spiritual': 'open',
			'family-format': 'either'
		},
		opening: 'opening-pregnant',
		safety: ['status-not-ready', 'fentanyl', 'not-treatment', 'tolerance', 'naloxone'],
		best: ['medication-friendly'],
		alternatives: ['secular', 'twelve-step'],
		cautioned: ['twelve-step'],
		dangers: [],
		family: ['family-twelve-step', 'family-skills']
	},
	{
		name: 'loved one: son on naltrexone',
		fact: '8.3 naltrexone overdose risk; 1.17 CRAFT',
		answers: {
			who: 'loved-one',
			substance: 'painkillers',
			'other-depressants': 'none',
			'detox-status': 'on-moud',
			'danger-signs': ['none'],
			'moud-medication': 'naltrexone',
			'person-pregnant': 'no',
			'loved-one-help': 'for-them'
		},
		opening: 'opening-naltrexone',
		safety: ['naloxone'],
		best: ['medication-friendly'],
		alternatives: ['secular'],
		cautioned: [],
		dangers: [],
		family: ['family-skills'],
		more: ['meditation', 'online', 'faith']
	},
	{
		name: 'loved one: son in a program, open to meds',
		fact: '2.6 benzodiazepines; 1.8 MARA; 1.14 Nar-Anon spiritual',
		answers: {
			who: 'loved-one',
			substance: 'heroin',
			'other-depressants': 'benzos',
			'detox-status': 'in-program',
			'danger-signs': ['none'],
			'person-pregnant': 'no',
			'person-moud-openness': 'yes',
			'loved-one-help': 'both',
			'family-spiritual': 'welcome',
			'family-format': 'in-person'
		},
		opening: 'opening-default',
		safety: [
			'status-in-program',
			'depressants',
			'fentanyl',
			'not-treatment',
			'tolerance',
			'naloxone'
		],
		best: ['medication-friendly'],
		alternatives: ['secular'],
		cautioned: [],
		dangers: ['depressants'],
		family: ['family-twelve-step'],
		more: ['meditation', 'online', 'faith']
	}
];
