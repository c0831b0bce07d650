import type { Messages } from './locales';

export const es: Messages = {
	appName: 'Guía de grupos de apoyo',
	skipToContent: 'Saltar al contenido principal',
	mainNav: 'Principal',
	getHelpNow: 'Ayuda ahora',
	quickExit: 'Salida rápida',
	quickExitHint: 'Sal de este sitio ahora. O presiona Esc dos veces.',
	footerNote: 'Orientación, no consejo médico. En una emergencia, llama al 911.',
	navAbout: 'Cómo funciona',
	navPrivacy: 'Privacidad',
	navHelp: 'Líneas de ayuda',

	welcomeTitle: 'Encuentra un grupo de apoyo que encaje contigo',
	welcomeIntro:
		'Responde unas pocas preguntas cortas sobre los opioides y lo que te gusta en un grupo. Te sugerimos estilos de grupo que podrían encajar contigo y te mostramos cómo encontrar una primera reunión.',
	welcomeLovedOne: 'También puedes responder por alguien que te importa.',
	welcomeTime: 'Toma unos 2 minutos.',
	welcomePrivate:
		'Tus respuestas se quedan en este dispositivo. No se envía nada a ningún lugar, a menos que tú decidas compartirlo.',
	welcomeNotAdvice:
		'Esto es orientación, no consejo médico. No reemplaza a un médico ni a un consejero.',
	start: 'Empezar',
	resume: 'Tus respuestas siguen aquí: Empezar te lleva a donde te quedaste.',
	emergencyBanner:
		'Si alguien podría estar teniendo una sobredosis o no se despierta, llama al 911 ahora.',
	call: 'Llamar al',
	text: 'Enviar mensaje al',
	noScript:
		'Este cuestionario necesita JavaScript. Las líneas de ayuda funcionan sin él: abre "Ayuda ahora" arriba de la página.',

	questionProgress: (n: number, total: number) => `Pregunta ${n} de unas ${total}`,
	whyWeAsk: 'Por qué preguntamos',
	continue: 'Continuar',
	errorSummary: 'Hay un problema',
	passcodeUnprotected:
		'La clave protege solo el enlace. "Copiar como texto" y "Correo electrónico" comparten todas tus respuestas sin ella.',
	forgetConfirm: '¿Borrar todas tus respuestas?',
	forgetYes: 'Sí, borrar',
	forgetKeep: 'Conservarlas',
	back: 'Atrás',
	chooseOne: 'Elige una respuesta para continuar.',
	chooseAtLeastOne: 'Marca al menos una respuesta para continuar.',

	emergencyHeading: 'Ayuda ahora',
	emergencyUrgentHeading: 'Por favor, busca ayuda médica hoy',
	emergencyIntro: 'Tu respuesta muestra que podría haber peligro. Por favor, atiende esto primero.',
	emergencyLines: 'Líneas de ayuda',
	emergencyContinue: 'Estoy a salvo, continuar',
	emergencyContinueNote:
		'Puedes volver a esta página desde "Ayuda ahora", arriba en cada pantalla.',

	reviewHeading: 'Revisa tus respuestas',
	reviewIntro: 'Puedes cambiar cualquier respuesta antes de ver tu resultado.',
	change: 'Cambiar',
	changeAnswer: (question: string) => `Cambiar: ${question}`,
	noneChosen: 'Ninguna',
	seeResult: 'Ver mi resultado',
	forget: 'Borrar mis respuestas',
	forgetDone: 'Tus respuestas se borraron de este dispositivo.',

	resultHeading: 'Tu resultado',
	resultIntro:
		'Según tus respuestas. Puedes probar cualquier grupo y cambiar de opinión más adelante.',
	resultNavLabel: 'En esta página',
	resultNavFirst: 'Qué hacer primero',
	resultNavGroups: 'Grupos',
	resultNavShare: 'Compartir',
	moreSafetyHeading: 'Más consejos de seguridad',
	readMore: 'Leer más',
	aboutGroup: 'Más sobre este grupo',
	safetyHeading: 'Primero, tu seguridad',
	dangerReminder: 'Nos contaste sobre señales de peligro. Por favor, busca ayuda primero.',
	groupsHeading: 'Estilos de grupo que podrían encajar contigo',
	groupsForPerson: 'Estilos de grupo que podrían encajar con la persona que te importa',
	bestFit: 'El que mejor encaja',
	equalFit: 'Uno de los que mejor encajan',
	equalFits:
		'Tus respuestas encajan igual de bien con estos grupos, así que los mostramos juntos. Cualquiera es un buen comienzo.',
	equalFitsPerson:
		'Tus respuestas encajan igual de bien con estos grupos para la persona, así que los mostramos juntos. La persona puede elegir.',
	alternative: 'También vale la pena ver',
	moreStyles: 'Otros estilos que encajan igual de bien entre sí:',
	whyAndMore: 'Por qué podría encajar, y más',
	whyFits: 'Por qué podría encajar',
	keepInMind: 'Es bueno saber',
	firstMeeting: 'Tu primera reunión',
	medicationStance: 'Medicamentos para el trastorno por consumo de opioides',
	stance: {
		welcomes: 'Recibe bien a quienes toman medicamentos',
		ask: 'Pregunta al grupo sobre los medicamentos',
		'may-limit': 'Puede poner límites a quienes toman medicamentos'
	},
	programs: 'Grupos para probar',
	noLinkYet:
		'No pudimos confirmar un sitio web oficial. Pregunta en un centro de tratamiento cercano.',
	lovedOneHeading: 'Apoyo para ti',
	lovedOneIntro:
		'Cuidar a alguien que consume opioides es difícil. Estos grupos son para familiares y amigos.',
	complementsHeading: 'Ayuda que funciona junto con los grupos',
	tryAndChange:
		'Puedes probar un grupo y cambiarte a otro. Muchas personas prueban varios antes de sentirse a gusto en uno.',
	notAdvice:
		'Esto es orientación, no consejo médico. Habla con un médico o consejero sobre tus opciones.',
	shareHeading: 'Comparte con tu consejero',
	shareConsent:
		'Nada sale de este aparato si no lo compartes. Tu consejero verá tus respuestas, las notas de seguridad y este resultado.',
	shareMore: 'Otras formas de compartir',
	shareLinkNote:
		'Las respuestas van en la parte del enlace que sigue a "#". Los navegadores nunca envían esa parte a ningún servidor.',
	protect: 'Proteger el enlace con una clave',
	passcodeLabel: 'Clave (dísela a tu consejero en persona, no junto con el enlace)',
	passcodeMake: 'Crear el enlace protegido',
	passcodeTooShort: 'Usa una clave de al menos 5 caracteres.',
	passcodeReady: 'El enlace protegido está listo.',
	shareLinkLabel: 'Enlace a tus respuestas',
	copyLink: 'Copiar enlace',
	copied: 'Se copió el enlace.',
	copiedText: 'Se copió el resumen.',
	copyFailed: 'No se pudo copiar. Selecciona el texto y cópialo tú.',
	showQr: 'Mostrar código QR',
	hideQr: 'Ocultar código QR',
	qrLabel: 'Código QR del enlace. Tu consejero puede escanearlo desde tu pantalla.',
	print: 'Imprimir o guardar como PDF',
	copyText: 'Copiar como texto',
	email: 'Correo electrónico',
	emailSubject: 'Mi resultado de grupos de apoyo',
	downloadFhir: 'Descargar para el expediente médico (FHIR)',
	summaryTitle: 'Guía de grupos de apoyo: resultado',
	summaryDate: (date: string) => `Fecha: ${date}`,
	flagsHeading: 'Alertas de seguridad',
	noFlags: 'No se informaron señales de peligro.',
	flagsNotAsked: 'No se preguntó por señales de peligro.',
	checklistsHeading: 'Preguntas para llevar',
	answersHeading: 'Respuestas',
	yourAnswers: 'Tus respuestas',
	sharedTitle: 'Resultado compartido',
	sharedIntro:
		'Alguien compartió estas respuestas contigo. Esta página las calculó en este aparato: no se envió nada a ningún servidor.',
	sharedEmpty:
		'Esta página muestra un resultado que alguien compartió contigo. Abre el enlace que te enviaron.',
	sharedOpening: 'Abriendo el enlace…',
	sharedLoadFailed:
		'No pudimos cargar lo que esta página necesita para mostrar el resultado. Revisa tu conexión y vuelve a intentarlo.',
	sharedDamaged: 'Este enlace está dañado o incompleto. Pide el enlace otra vez.',
	sharedOlder: (version: number) =>
		`Este enlace viene de una versión anterior de las preguntas (versión ${version}). No se puede mostrar igual. Por favor, respondan las preguntas otra vez juntos.`,
	sharedNewer: (version: number) =>
		`Este enlace viene de una versión más nueva de las preguntas (versión ${version}). Vuelve a cargar esta página para tener la versión más nueva.`,
	sharedOtherFlow: 'Este enlace es de otro cuestionario. Pide el enlace otra vez.',
	sharedIncomplete: 'Este enlace no tiene todas las respuestas. Pide el enlace otra vez.',
	passcodePrompt: 'Este resultado está protegido. Escribe la clave que te dijeron.',
	passcodeInput: 'Clave',
	unlock: 'Abrir',
	wrongPasscode: 'Esa clave no abrió el resultado. Revísala e inténtalo otra vez.',
	recommendationHeading: 'Recomendación',
	startOver: 'Empezar de nuevo',

	laterFailed:
		'No pudimos cargar el resto del cuestionario. Tus respuestas se guardan. Revisa tu conexión y vuelve a intentarlo.',
	tryAgain: 'Intentar de nuevo',
	restoreFailed:
		'No pudimos recuperar tus respuestas anteriores, así que empezamos de cero. Nada más se vio afectado.',
	unknownLocale: (code: string) =>
		`El idioma "${code}" no está disponible, así que te lo mostramos en español.`,
	dismiss: 'Cerrar',

	helpTitle: 'Líneas de ayuda',
	helpIntro:
		'Ayuda gratis, a cualquier hora del día o de la noche. En una emergencia, llama al 911.',
	overdoseHeading: 'Señales de una sobredosis de opioides',

	aboutTitle: 'Cómo funciona',

	privacyTitle: 'Privacidad'
};
