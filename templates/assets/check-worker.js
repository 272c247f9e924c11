/* The check page's worker: runs the validator (Casebook's Java, compiled by TeaVM) away from the
   page's thread, so typing and scrolling never wait for a large config to be checked. */
let checker = null;
self.onmessage = async (event) => {
  const { id, bundle, files, environment, lang } = event.data;
  try {
    if (!checker) checker = import(bundle);
    const { check } = await checker;
    self.postMessage({ id, found: check(files, environment, lang) });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};
