// Set by the host admin's Vite at build/serve time (the backend URL the admin talks to).
declare const __BACKEND_URL__: string | undefined
