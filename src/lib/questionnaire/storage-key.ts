/** sessionStorage key of the questionnaire in progress: gone when the tab closes. */
export const SESSION_KEY = 'sgg.session';
