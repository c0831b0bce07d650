import type { PageTexts } from './en';

/** Los textos largos de las páginas de ayuda, "Cómo funciona" y privacidad. */
export const pagesEs: PageTexts = {
	overdoseSigns: [
		'Pupilas muy pequeñas, como "la punta de un alfiler"',
		'Se duerme o se desmaya',
		'Respiración lenta y débil',
		'Sonidos de ahogo o gorgoteo',
		'Cuerpo flojo, sin fuerza',
		'Piel pálida, azulada o fría'
	],
	overdoseSteps: [
		'Si tienes dudas, actúa como si fuera una sobredosis. Llama al 911.',
		'Dale naloxona (Narcan) si la tienes. Llama al 911 incluso después de dársela.',
		'No dejes sola a la persona.'
	],
	aboutParagraphs: [
		'Respondes hasta 12 preguntas cortas. Algunas preguntas solo aparecen cuando tienen que ver contigo.',
		'Cada respuesta suma o resta puntos a cada estilo de grupo. Por ejemplo, si prefieres que no haya lenguaje espiritual, los grupos laicos ganan puntos y los grupos de 12 pasos pierden algunos. Los estilos con más puntos aparecen primero. El resultado muestra los motivos, tomados de tus propias respuestas.',
		'Las mismas respuestas siempre dan el mismo resultado, en inglés o en español.',
		'Cada resultado empieza con consejos de seguridad. Dejar los opioides es más seguro con ayuda médica. Algunas respuestas, como las señales de peligro, muestran ayuda de emergencia de inmediato.',
		'Los grupos de apoyo pueden ayudar a muchas personas. Funcionan mejor junto con el tratamiento, los medicamentos y la consejería, no en lugar de ellos.'
	],
	aboutSourcesHeading: 'De dónde vienen los datos',
	aboutSources: [
		'Medicamentos y tratamiento: SAMHSA (la Administración de Servicios de Salud Mental y Abuso de Sustancias de EE. UU.), NIDA y el BC Centre on Substance Use.',
		'Seguridad con el alcohol y las benzodiacepinas: la Administración de Alimentos y Medicamentos de EE. UU. (FDA).',
		'Señales de sobredosis y naloxona: los CDC y la FDA.',
		'Grupos: el sitio web y los materiales publicados de cada grupo, revisados cuando pudimos. Cuando no pudimos confirmar la postura de un grupo, decimos "pregúntale al grupo".'
	],
	aboutOpenSource:
		'Esta aplicación es de código abierto. Las preguntas y la puntuación son datos simples que cualquiera puede leer.',
	privacyParagraphs: [
		'Este sitio no tiene cuentas, ni cookies, ni anuncios, ni rastreo. No envía tus respuestas a ningún lugar.',
		'Mientras respondes, tus respuestas se guardan en el almacenamiento de sesión de esta pestaña del navegador, así que no se pierden si recargas la página. Se borran cuando cierras la pestaña, presionas "Borrar mis respuestas" o usas "Salida rápida".',
		'El idioma en que lees es parte de la dirección de la página, como /es/ para español. No se guarda.',
		'Después de tu primera visita, tu navegador guarda los archivos del propio sitio para que funcione sin conexión. Estos archivos no guardan ninguna respuesta.',
		'Cuando compartes con un consejero, tú eliges cómo. No se comparte nada a menos que tú lo hagas.'
	],
	privacyLimitsHeading: 'Lo que este sitio no puede proteger',
	privacyLimits: [
		'El historial de tu navegador aún podría mostrar que visitaste este sitio. Usa una ventana privada si te preocupa.',
		'"Salida rápida" esconde esta página de alguien que mira por encima de tu hombro. No puede borrar el historial ni protegerte en un dispositivo vigilado.',
		'Si alguien podría estar vigilando tu teléfono o computadora, usa un dispositivo de confianza, como una computadora de la biblioteca.'
	],
	notFoundTitle: 'No se encontró la página',
	notFoundText:
		'No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace esté incompleto. Tus respuestas no cambiaron.',
	notFoundHome: 'Ir a la página de inicio',
	notFoundHelp: 'Líneas de ayuda: gratis, de día y de noche'
};
