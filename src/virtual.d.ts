/** The build's settings, as the Logbook integration (src/site/integration.ts) serves them to the site's modules. */
declare module 'virtual:logbook/settings' {
  const settings: import('./settings/index.ts').Settings;
  export default settings;
}
