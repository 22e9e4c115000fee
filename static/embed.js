/*! Torture Index Explorer embed loader: <torture-index-embed index="gti-2025" view="card" country="KGZ" lang="ru">; any other index (index="open-indicators") is the workbench's widget. No dependencies; see README "Embedding". */
(() => {
  const script = document.currentScript;
  const base = new URL('embed/', script ? script.src : location.href);
  // Indices other than these two are the workbench's (the open indicators, a partner's own
  // folder): its widget reads them through the generic model; settings go in the link.
  const generic = new URL('workbench/embed/', script ? script.src : location.href);
  const OWN = ['gti-2025', 'csp'];
  const GENERIC_VIEWS = { card: 'profile', country: 'profile', profile: 'profile', ranking: 'ranking', rankings: 'ranking', map: 'map' };
  const GENERIC_KEYS = { country: 'unit', year: 'period', weights: 'w' };
  const SETTINGS = ['index', 'view', 'country', 'lang', 'year', 'weights', 'theme'];
  // The workbench's widget only: how an index is built, and a partner's own index as a JSON
  // file on this host (read relative to this script: the folder that holds the explorer).
  const GENERIC_ONLY = ['pipe', 'file'];
  const COLOURS = { accent: '--tie-accent', bg: '--tie-background', ink: '--tie-text' };
  const VIEWS = { card: 'country', ranking: 'rankings', rankings: 'rankings', map: 'map', trend: 'trends', trends: 'trends', country: 'country' };
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
  // The frame's accessible name when the partner gives none, in the widget's language (each
  // language's app-title, i18n/<lang>/common.ftl; a test keeps them equal).
  const TITLES = { en: 'Torture Index Explorer', es: 'Explorador de índices sobre la tortura', fr: 'Explorateur des indices sur la torture', ru: 'Обозреватель индексов пыток', ar: 'مستكشف مؤشرات التعذيب' };
  let count = 0;

  class TortureIndexEmbed extends HTMLElement {
    static get observedAttributes() { return SETTINGS.concat(GENERIC_ONLY, 'src', 'title'); }

    connectedCallback() {
      if (this.frame) return;
      this.eid = this.getAttribute('id') || 'tie-' + ++count;
      this.ready = false;
      const f = this.frame = document.createElement('iframe');
      f.title = this.getAttribute('title') || this.defaultTitle();
      f.style.cssText = 'display:block;width:100%;border:0;height:' + (this.getAttribute('height') || 480) + 'px';
      f.setAttribute('referrerpolicy', 'no-referrer');
      f.src = this.url();
      this.onmsg = (e) => this.receive(e);
      addEventListener('message', this.onmsg);
      this.appendChild(f);
    }

    disconnectedCallback() {
      removeEventListener('message', this.onmsg);
      if (this.frame) this.frame.remove();
      this.frame = null;
    }

    attributeChangedCallback(name, old, value) {
      if (!this.frame || old === value) return;
      if (name === 'title' || name === 'lang') this.frame.title = this.getAttribute('title') || this.defaultTitle();
      if (name === 'title') return;
      if (name === 'src' || !this.ready || this.generic()) this.frame.src = this.url();
      else this.send(this.settings());
    }

    defaultTitle() { return TITLES[this.getAttribute('lang')] || TITLES[(navigator.language || '').slice(0, 2)] || TITLES.en; }

    generic() { const i = this.getAttribute('index'); return (!!i && !OWN.includes(i)) || this.hasAttribute('file'); }

    home() { return this.getAttribute('src') || (this.generic() ? generic : base).href; }

    origin() { return new URL(this.home(), location.href).origin; }

    settings() {
      const s = {};
      for (const k of SETTINGS) {
        const v = this.getAttribute(k);
        if (v === null || v === '') continue;
        if (k === 'weights') s.weights = v.split(',').map(Number);
        else if (k === 'year') s.year = Number(v);
        else if (k === 'view') s.view = VIEWS[v] || v;
        else s[k] = v;
      }
      return s;
    }

    url() {
      const u = new URL(this.home(), location.href);
      const p = u.searchParams;
      if (this.generic()) {
        // The workbench's link: its own names, weights as `code:weight;…`.
        for (const k of SETTINGS) {
          const v = this.getAttribute(k);
          if (v === null || v === '') continue;
          p.set(GENERIC_KEYS[k] || k, k === 'view' ? (GENERIC_VIEWS[v] || v) : v);
        }
        const pipe = this.getAttribute('pipe');
        if (pipe) p.set('pipe', pipe);
        const file = this.getAttribute('file');
        if (file) {
          const f = new URL(file, script ? script.src : location.href);
          // Another host's file is passed as written: the widget refuses it and says so.
          p.set('file', f.origin === u.origin ? f.pathname : file);
          if (!p.has('index')) p.set('index', 'imported');
        }
      } else {
        const s = this.settings();
        for (const k of SETTINGS) {
          if (s[k] === undefined) continue;
          p.set(k === 'weights' ? 'w' : k, String(s[k]));
        }
      }
      const style = getComputedStyle(this);
      for (const k in COLOURS) {
        const v = style.getPropertyValue(COLOURS[k]).trim();
        if (hex.test(v)) p.set(k, v);
      }
      p.set('eid', this.eid);
      // The widget accepts settings only from the page that embeds it.
      if (/^https?:$/.test(location.protocol)) p.set('allow', location.origin);
      return u.href;
    }

    send(settings) {
      if (this.frame && this.frame.contentWindow) {
        this.frame.contentWindow.postMessage(Object.assign({ type: 'tie:settings' }, settings), this.origin());
      }
    }

    receive(e) {
      const d = e.data;
      if (!this.frame || e.source !== this.frame.contentWindow || e.origin !== this.origin()) return;
      if (!d || d.source !== 'torture-index-explorer' || d.eid !== this.eid) return;
      if (d.type === 'tie:ready') this.ready = true;
      if (typeof d.height === 'number' && d.height > 0 && d.height < 20000) this.frame.style.height = Math.ceil(d.height) + 'px';
      if (d.type !== 'tie:height') {
        this.dispatchEvent(new CustomEvent(d.type.replace(':', '-'), { detail: d, bubbles: true }));
      }
    }
  }

  if (!customElements.get('torture-index-embed')) customElements.define('torture-index-embed', TortureIndexEmbed);
})();
