import type { SharingTexts } from './en';

/** Los textos del plan de reuniones, la invitación del consejero y los enlaces bloqueados. */
export const sharingEs: SharingTexts = {
	planHeading: 'Tu plan de dos semanas',
	planIntro: 'Elige hasta tres reuniones para probar en las próximas dos semanas.',
	planFormIntro:
		'Escribe el día y la hora en que piensas ir. No se busca nada, y el plan se queda en este dispositivo a menos que lo compartas.',
	planAddHeading: 'Agregar una reunión',
	planGroup: 'Grupo',
	planMode: 'Cómo vas a ir',
	modes: { 'in-person': 'En persona', online: 'En línea', phone: 'Por teléfono' },
	planDate: 'Día',
	planTime: 'Hora (si la sabes)',
	planNote: 'Nota (si quieres)',
	planNoteHint: 'Por ejemplo, quién va contigo. Hasta 80 caracteres.',
	planAdd: 'Agregar a mi plan',
	planFull: 'Tu plan tiene tres reuniones. Quita una para agregar otra.',
	errorsHeading: 'Hay un problema',
	planGroupMissing: 'Elige un grupo.',
	planDateMissing: 'Escribe el día en que piensas ir.',
	planAdded: (name: string) => `Se agregó ${name} a tu plan.`,
	planRemoved: (name: string) => `Se quitó ${name} de tu plan.`,
	planAnyTime: 'sin hora',
	planCalendar: 'Agregar al calendario',
	planCalendarHint:
		'Guarda un archivo de calendario con un recordatorio. Ábrelo para agregar la reunión.',
	planRemove: 'Quitar',
	planStatusLegend: (name: string) => `¿Cómo te fue en ${name}?`,
	statuses: {
		planned: 'Todavía no',
		went: 'Fui',
		'not-for-me': 'No es para mí',
		'didnt-go': 'No fui'
	},
	planModeField: 'Cómo',
	planTimeField: 'Hora',
	planNoteField: 'Nota',
	planStatusField: 'Cómo fue',
	planStatusSaved: 'Guardado.',
	planReshare:
		'¿Cambiaste tu plan? Vuelve a hacer el enlace abajo y envía el nuevo. Un enlace anterior muestra el plan como estaba.',
	planDropped: (names: string) =>
		`Tus respuestas cambiaron, así que esto ya no está en tu plan: ${names}.`,
	planCorrupt: 'No pudimos leer tu plan guardado, así que empezamos uno nuevo.',
	planEventTitle: (name: string) => `Reunión de ${name}`,
	planEventText: 'Una reunión de tu plan. En muchas reuniones, puedes solo escuchar.',
	planCounselorHeading: 'Plan de reuniones',
	planCounselorNone: 'Todavía no hay reuniones en el plan.',

	inviteTitle: 'Una invitación de tu consejero',
	inviteFrom: (name: string) => `${name} te invitó a responder unas preguntas cortas.`,
	inviteWhat: (name: string) =>
		`Cuando compartas tu resultado, el enlace quedará bloqueado para que solo ${name} pueda abrirlo, en el dispositivo donde hizo esta invitación. No necesitas una contraseña.`,
	inviteStart: 'Empezar las preguntas',
	inviteBad:
		'Este enlace de invitación está dañado o incompleto. Pídele a tu consejero que lo envíe otra vez. Igual puedes responder las preguntas y compartir tu resultado con una contraseña.',
	inviteNoScript:
		'Esta invitación necesita JavaScript para leer la clave del consejero. Igual puedes responder las preguntas y compartir tu resultado con una contraseña.',
	inviteCrypto:
		'Este navegador no puede bloquear un enlace para una invitación. Igual puedes compartir tu resultado con una contraseña.',
	shareLockedTo: (name: string) =>
		`Este enlace está bloqueado: solo ${name} puede abrirlo, en el dispositivo donde hizo tu invitación.`,
	shareLockedWarning:
		'"Copiar como texto" y "Correo electrónico" no están bloqueados: cualquier persona que los vea puede leer todas las respuestas.',
	shareStopInvite: 'Compartir sin la invitación',

	receiveHeading: 'Recibir resultados de forma segura',
	receiveIntro:
		'Haz una invitación para las personas con las que trabajas. Un resultado compartido desde ella queda bloqueado para que solo este navegador, en este dispositivo, pueda abrirlo. No se envía nada a un servidor.',
	receiveName: 'Nombre que verán',
	receiveNameHint: 'Por ejemplo "Clínica: Sala 4". Hasta 40 caracteres.',
	receiveNameMissing: 'Escribe un nombre de hasta 40 caracteres.',
	receiveKeep: 'Guardar la clave en este navegador, para abrir resultados más tarde',
	receiveKeepHint:
		'La clave se queda en este dispositivo y nunca guarda las respuestas de nadie. Si no marcas esto, los resultados solo se pueden abrir hasta que cierres o vuelvas a cargar esta página.',
	receiveMake: 'Hacer mi invitación',
	receiveUnsupported:
		'Este navegador no puede hacer invitaciones seguras. Prueba un navegador actualizado, o pide que compartan con una contraseña.',
	receiveStoreFailed:
		'Este navegador no quiso guardar la clave (una ventana privada puede impedirlo). Se guarda solo hasta que cierres o vuelvas a cargar esta página.',
	receiveReady: (name: string) => `Tu invitación: ${name}`,
	receiveKept: (date: string) => `Hecha el ${date}. La clave se guarda en este navegador.`,
	receiveTemporary:
		'La clave se guarda solo hasta que cierres o vuelvas a cargar esta página. Los resultados se pueden abrir solo hasta entonces.',
	inviteLinkLabel: 'Enlace de invitación',
	copyInvite: 'Copiar el enlace de invitación',
	inviteCopied: 'Se copió el enlace de invitación.',
	printCard: 'Imprimir la tarjeta de invitación',
	cardScan:
		'Escanea para responder unas preguntas cortas. Tu resultado quedará bloqueado para tu consejero.',
	cardQrLabel: 'Código QR del enlace de invitación.',
	forgetKey: 'Olvidar esta clave',
	forgetKeyConfirm:
		'Los resultados compartidos con esta invitación ya no se podrán abrir nunca, en ningún dispositivo. ¿Olvidar la clave?',
	forgetKeyYes: 'Sí, olvidar la clave',
	cancel: 'Cancelar',
	keyForgotten: 'Se olvidó la clave. Los enlaces hechos con su invitación ya no se pueden abrir.',

	sealedPrompt: 'Este resultado está bloqueado para la invitación de un consejero.',
	sealedNoKey:
		'Este resultado está bloqueado para la invitación de un consejero, y este navegador no tiene su clave. Abre el enlace en el navegador donde se hizo la invitación. Si no eres tú, pídele a la persona que lo comparta otra vez con una contraseña.',
	sealedOtherKey:
		'Este resultado está bloqueado para una invitación distinta de la que se guarda en este navegador. Ábrelo donde se hizo esa invitación, o pídele a la persona que lo comparta otra vez.',
	sealedOpened: (name: string) => `Se abrió con la clave de tu invitación "${name}".`
};
