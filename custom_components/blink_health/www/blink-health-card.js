// Blink Health's dashboard card, bundled with Lit from frontend/ by scripts/build_card (inputs ca6831e692a381d2). Do not edit: edit frontend/src/ and rebuild.

// src/app.js
function appRegistryReady() {
  if (window.customElements.get("home-assistant")) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    window.customElements.whenDefined("home-assistant").then(resolve);
    const noApp = () => {
      if (!document.querySelector("home-assistant")) {
        resolve();
      }
    };
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", noApp, { once: true });
    } else {
      noApp();
    }
  });
}
function navigate(path) {
  history.pushState(null, "", path);
  window.dispatchEvent(new CustomEvent("location-changed", { detail: { replace: false } }));
}
var REPAIR_LIST_TIMEOUT_MS = 1e4;
function openRepair(issue) {
  navigate("/config/repairs");
  const deadline = Date.now() + REPAIR_LIST_TIMEOUT_MS;
  const select = () => {
    if (location.pathname !== "/config/repairs") {
      return;
    }
    const entry = findIssueEntry(document, issue);
    if (entry) {
      entry.click();
    } else if (Date.now() < deadline) {
      setTimeout(select, 100);
    }
  };
  select();
}
function findIssueEntry(root, issue) {
  const roots = [root];
  while (roots.length) {
    for (const element of roots.pop().querySelectorAll("*")) {
      if (element.issue?.issue_id === issue.issue_id && element.issue.domain === issue.domain) {
        return element;
      }
      if (element.shadowRoot) {
        roots.push(element.shadowRoot);
      }
    }
  }
  return void 0;
}

// node_modules/@lit/reactive-element/css-tag.js
var t = globalThis;
var e = t.ShadowRoot && (void 0 === t.ShadyCSS || t.ShadyCSS.nativeShadow) && "adoptedStyleSheets" in Document.prototype && "replace" in CSSStyleSheet.prototype;
var s = /* @__PURE__ */ Symbol();
var o = /* @__PURE__ */ new WeakMap();
var n = class {
  constructor(t5, e5, o5) {
    if (this._$cssResult$ = true, o5 !== s) throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");
    this.cssText = t5, this.t = e5;
  }
  get styleSheet() {
    let t5 = this.o;
    const s5 = this.t;
    if (e && void 0 === t5) {
      const e5 = void 0 !== s5 && 1 === s5.length;
      e5 && (t5 = o.get(s5)), void 0 === t5 && ((this.o = t5 = new CSSStyleSheet()).replaceSync(this.cssText), e5 && o.set(s5, t5));
    }
    return t5;
  }
  toString() {
    return this.cssText;
  }
};
var r = (t5) => new n("string" == typeof t5 ? t5 : t5 + "", void 0, s);
var i = (t5, ...e5) => {
  const o5 = 1 === t5.length ? t5[0] : e5.reduce((e6, s5, o6) => e6 + ((t6) => {
    if (true === t6._$cssResult$) return t6.cssText;
    if ("number" == typeof t6) return t6;
    throw Error("Value passed to 'css' function must be a 'css' function result: " + t6 + ". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.");
  })(s5) + t5[o6 + 1], t5[0]);
  return new n(o5, t5, s);
};
var S = (s5, o5) => {
  if (e) s5.adoptedStyleSheets = o5.map((t5) => t5 instanceof CSSStyleSheet ? t5 : t5.styleSheet);
  else for (const e5 of o5) {
    const o6 = document.createElement("style"), n4 = t.litNonce;
    void 0 !== n4 && o6.setAttribute("nonce", n4), o6.textContent = e5.cssText, s5.appendChild(o6);
  }
};
var c = e ? (t5) => t5 : (t5) => t5 instanceof CSSStyleSheet ? ((t6) => {
  let e5 = "";
  for (const s5 of t6.cssRules) e5 += s5.cssText;
  return r(e5);
})(t5) : t5;

// node_modules/@lit/reactive-element/reactive-element.js
var { is: i2, defineProperty: e2, getOwnPropertyDescriptor: h, getOwnPropertyNames: r2, getOwnPropertySymbols: o2, getPrototypeOf: n2 } = Object;
var a = globalThis;
var c2 = a.trustedTypes;
var l = c2 ? c2.emptyScript : "";
var p = a.reactiveElementPolyfillSupport;
var d = (t5, s5) => t5;
var u = { toAttribute(t5, s5) {
  switch (s5) {
    case Boolean:
      t5 = t5 ? l : null;
      break;
    case Object:
    case Array:
      t5 = null == t5 ? t5 : JSON.stringify(t5);
  }
  return t5;
}, fromAttribute(t5, s5) {
  let i7 = t5;
  switch (s5) {
    case Boolean:
      i7 = null !== t5;
      break;
    case Number:
      i7 = null === t5 ? null : Number(t5);
      break;
    case Object:
    case Array:
      try {
        i7 = JSON.parse(t5);
      } catch (t6) {
        i7 = null;
      }
  }
  return i7;
} };
var f = (t5, s5) => !i2(t5, s5);
var b = { attribute: true, type: String, converter: u, reflect: false, useDefault: false, hasChanged: f };
Symbol.metadata ??= /* @__PURE__ */ Symbol("metadata"), a.litPropertyMetadata ??= /* @__PURE__ */ new WeakMap();
var y = class extends HTMLElement {
  static addInitializer(t5) {
    this._$Ei(), (this.l ??= []).push(t5);
  }
  static get observedAttributes() {
    return this.finalize(), this._$Eh && [...this._$Eh.keys()];
  }
  static createProperty(t5, s5 = b) {
    if (s5.state && (s5.attribute = false), this._$Ei(), this.prototype.hasOwnProperty(t5) && ((s5 = Object.create(s5)).wrapped = true), this.elementProperties.set(t5, s5), !s5.noAccessor) {
      const i7 = /* @__PURE__ */ Symbol(), h4 = this.getPropertyDescriptor(t5, i7, s5);
      void 0 !== h4 && e2(this.prototype, t5, h4);
    }
  }
  static getPropertyDescriptor(t5, s5, i7) {
    const { get: e5, set: r4 } = h(this.prototype, t5) ?? { get() {
      return this[s5];
    }, set(t6) {
      this[s5] = t6;
    } };
    return { get: e5, set(s6) {
      const h4 = e5?.call(this);
      r4?.call(this, s6), this.requestUpdate(t5, h4, i7);
    }, configurable: true, enumerable: true };
  }
  static getPropertyOptions(t5) {
    return this.elementProperties.get(t5) ?? b;
  }
  static _$Ei() {
    if (this.hasOwnProperty(d("elementProperties"))) return;
    const t5 = n2(this);
    t5.finalize(), void 0 !== t5.l && (this.l = [...t5.l]), this.elementProperties = new Map(t5.elementProperties);
  }
  static finalize() {
    if (this.hasOwnProperty(d("finalized"))) return;
    if (this.finalized = true, this._$Ei(), this.hasOwnProperty(d("properties"))) {
      const t6 = this.properties, s5 = [...r2(t6), ...o2(t6)];
      for (const i7 of s5) this.createProperty(i7, t6[i7]);
    }
    const t5 = this[Symbol.metadata];
    if (null !== t5) {
      const s5 = litPropertyMetadata.get(t5);
      if (void 0 !== s5) for (const [t6, i7] of s5) this.elementProperties.set(t6, i7);
    }
    this._$Eh = /* @__PURE__ */ new Map();
    for (const [t6, s5] of this.elementProperties) {
      const i7 = this._$Eu(t6, s5);
      void 0 !== i7 && this._$Eh.set(i7, t6);
    }
    this.elementStyles = this.finalizeStyles(this.styles);
  }
  static finalizeStyles(s5) {
    const i7 = [];
    if (Array.isArray(s5)) {
      const e5 = new Set(s5.flat(1 / 0).reverse());
      for (const s6 of e5) i7.unshift(c(s6));
    } else void 0 !== s5 && i7.push(c(s5));
    return i7;
  }
  static _$Eu(t5, s5) {
    const i7 = s5.attribute;
    return false === i7 ? void 0 : "string" == typeof i7 ? i7 : "string" == typeof t5 ? t5.toLowerCase() : void 0;
  }
  constructor() {
    super(), this._$Ep = void 0, this.isUpdatePending = false, this.hasUpdated = false, this._$Em = null, this._$Ev();
  }
  _$Ev() {
    this._$ES = new Promise((t5) => this.enableUpdating = t5), this._$AL = /* @__PURE__ */ new Map(), this._$E_(), this.requestUpdate(), this.constructor.l?.forEach((t5) => t5(this));
  }
  addController(t5) {
    (this._$EO ??= /* @__PURE__ */ new Set()).add(t5), void 0 !== this.renderRoot && this.isConnected && t5.hostConnected?.();
  }
  removeController(t5) {
    this._$EO?.delete(t5);
  }
  _$E_() {
    const t5 = /* @__PURE__ */ new Map(), s5 = this.constructor.elementProperties;
    for (const i7 of s5.keys()) this.hasOwnProperty(i7) && (t5.set(i7, this[i7]), delete this[i7]);
    t5.size > 0 && (this._$Ep = t5);
  }
  createRenderRoot() {
    const t5 = this.shadowRoot ?? this.attachShadow(this.constructor.shadowRootOptions);
    return S(t5, this.constructor.elementStyles), t5;
  }
  connectedCallback() {
    this.renderRoot ??= this.createRenderRoot(), this.enableUpdating(true), this._$EO?.forEach((t5) => t5.hostConnected?.());
  }
  enableUpdating(t5) {
  }
  disconnectedCallback() {
    this._$EO?.forEach((t5) => t5.hostDisconnected?.());
  }
  attributeChangedCallback(t5, s5, i7) {
    this._$AK(t5, i7);
  }
  _$ET(t5, s5) {
    const i7 = this.constructor.elementProperties.get(t5), e5 = this.constructor._$Eu(t5, i7);
    if (void 0 !== e5 && true === i7.reflect) {
      const h4 = (void 0 !== i7.converter?.toAttribute ? i7.converter : u).toAttribute(s5, i7.type);
      this._$Em = t5, null == h4 ? this.removeAttribute(e5) : this.setAttribute(e5, h4), this._$Em = null;
    }
  }
  _$AK(t5, s5) {
    const i7 = this.constructor, e5 = i7._$Eh.get(t5);
    if (void 0 !== e5 && this._$Em !== e5) {
      const t6 = i7.getPropertyOptions(e5), h4 = "function" == typeof t6.converter ? { fromAttribute: t6.converter } : void 0 !== t6.converter?.fromAttribute ? t6.converter : u;
      this._$Em = e5;
      const r4 = h4.fromAttribute(s5, t6.type);
      this[e5] = r4 ?? this._$Ej?.get(e5) ?? r4, this._$Em = null;
    }
  }
  requestUpdate(t5, s5, i7, e5 = false, h4) {
    if (void 0 !== t5) {
      const r4 = this.constructor;
      if (false === e5 && (h4 = this[t5]), i7 ??= r4.getPropertyOptions(t5), !((i7.hasChanged ?? f)(h4, s5) || i7.useDefault && i7.reflect && h4 === this._$Ej?.get(t5) && !this.hasAttribute(r4._$Eu(t5, i7)))) return;
      this.C(t5, s5, i7);
    }
    false === this.isUpdatePending && (this._$ES = this._$EP());
  }
  C(t5, s5, { useDefault: i7, reflect: e5, wrapped: h4 }, r4) {
    i7 && !(this._$Ej ??= /* @__PURE__ */ new Map()).has(t5) && (this._$Ej.set(t5, r4 ?? s5 ?? this[t5]), true !== h4 || void 0 !== r4) || (this._$AL.has(t5) || (this.hasUpdated || i7 || (s5 = void 0), this._$AL.set(t5, s5)), true === e5 && this._$Em !== t5 && (this._$Eq ??= /* @__PURE__ */ new Set()).add(t5));
  }
  async _$EP() {
    this.isUpdatePending = true;
    try {
      await this._$ES;
    } catch (t6) {
      Promise.reject(t6);
    }
    const t5 = this.scheduleUpdate();
    return null != t5 && await t5, !this.isUpdatePending;
  }
  scheduleUpdate() {
    return this.performUpdate();
  }
  performUpdate() {
    if (!this.isUpdatePending) return;
    if (!this.hasUpdated) {
      if (this.renderRoot ??= this.createRenderRoot(), this._$Ep) {
        for (const [t7, s6] of this._$Ep) this[t7] = s6;
        this._$Ep = void 0;
      }
      const t6 = this.constructor.elementProperties;
      if (t6.size > 0) for (const [s6, i7] of t6) {
        const { wrapped: t7 } = i7, e5 = this[s6];
        true !== t7 || this._$AL.has(s6) || void 0 === e5 || this.C(s6, void 0, i7, e5);
      }
    }
    let t5 = false;
    const s5 = this._$AL;
    try {
      t5 = this.shouldUpdate(s5), t5 ? (this.willUpdate(s5), this._$EO?.forEach((t6) => t6.hostUpdate?.()), this.update(s5)) : this._$EM();
    } catch (s6) {
      throw t5 = false, this._$EM(), s6;
    }
    t5 && this._$AE(s5);
  }
  willUpdate(t5) {
  }
  _$AE(t5) {
    this._$EO?.forEach((t6) => t6.hostUpdated?.()), this.hasUpdated || (this.hasUpdated = true, this.firstUpdated(t5)), this.updated(t5);
  }
  _$EM() {
    this._$AL = /* @__PURE__ */ new Map(), this.isUpdatePending = false;
  }
  get updateComplete() {
    return this.getUpdateComplete();
  }
  getUpdateComplete() {
    return this._$ES;
  }
  shouldUpdate(t5) {
    return true;
  }
  update(t5) {
    this._$Eq &&= this._$Eq.forEach((t6) => this._$ET(t6, this[t6])), this._$EM();
  }
  updated(t5) {
  }
  firstUpdated(t5) {
  }
};
y.elementStyles = [], y.shadowRootOptions = { mode: "open" }, y[d("elementProperties")] = /* @__PURE__ */ new Map(), y[d("finalized")] = /* @__PURE__ */ new Map(), p?.({ ReactiveElement: y }), (a.reactiveElementVersions ??= []).push("2.1.2");

// node_modules/lit-html/lit-html.js
var t2 = globalThis;
var i3 = (t5) => t5;
var s2 = t2.trustedTypes;
var e3 = s2 ? s2.createPolicy("lit-html", { createHTML: (t5) => t5 }) : void 0;
var h2 = "$lit$";
var o3 = `lit$${Math.random().toFixed(9).slice(2)}$`;
var n3 = "?" + o3;
var r3 = `<${n3}>`;
var l2 = document;
var c3 = () => l2.createComment("");
var a2 = (t5) => null === t5 || "object" != typeof t5 && "function" != typeof t5;
var u2 = Array.isArray;
var d2 = (t5) => u2(t5) || "function" == typeof t5?.[Symbol.iterator];
var f2 = "[ 	\n\f\r]";
var v = /<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g;
var _ = /-->/g;
var m = />/g;
var p2 = RegExp(`>|${f2}(?:([^\\s"'>=/]+)(${f2}*=${f2}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`, "g");
var g = /'/g;
var $ = /"/g;
var y2 = /^(?:script|style|textarea|title)$/i;
var x = (t5) => (i7, ...s5) => ({ _$litType$: t5, strings: i7, values: s5 });
var b2 = x(1);
var w = x(2);
var T = x(3);
var E = /* @__PURE__ */ Symbol.for("lit-noChange");
var A = /* @__PURE__ */ Symbol.for("lit-nothing");
var C = /* @__PURE__ */ new WeakMap();
var P = l2.createTreeWalker(l2, 129);
function V(t5, i7) {
  if (!u2(t5) || !t5.hasOwnProperty("raw")) throw Error("invalid template strings array");
  return void 0 !== e3 ? e3.createHTML(i7) : i7;
}
var N = (t5, i7) => {
  const s5 = t5.length - 1, e5 = [];
  let n4, l3 = 2 === i7 ? "<svg>" : 3 === i7 ? "<math>" : "", c5 = v;
  for (let i8 = 0; i8 < s5; i8++) {
    const s6 = t5[i8];
    let a3, u5, d3 = -1, f3 = 0;
    for (; f3 < s6.length && (c5.lastIndex = f3, u5 = c5.exec(s6), null !== u5); ) f3 = c5.lastIndex, c5 === v ? "!--" === u5[1] ? c5 = _ : void 0 !== u5[1] ? c5 = m : void 0 !== u5[2] ? (y2.test(u5[2]) && (n4 = RegExp("</" + u5[2], "g")), c5 = p2) : void 0 !== u5[3] && (c5 = p2) : c5 === p2 ? ">" === u5[0] ? (c5 = n4 ?? v, d3 = -1) : void 0 === u5[1] ? d3 = -2 : (d3 = c5.lastIndex - u5[2].length, a3 = u5[1], c5 = void 0 === u5[3] ? p2 : '"' === u5[3] ? $ : g) : c5 === $ || c5 === g ? c5 = p2 : c5 === _ || c5 === m ? c5 = v : (c5 = p2, n4 = void 0);
    const x2 = c5 === p2 && t5[i8 + 1].startsWith("/>") ? " " : "";
    l3 += c5 === v ? s6 + r3 : d3 >= 0 ? (e5.push(a3), s6.slice(0, d3) + h2 + s6.slice(d3) + o3 + x2) : s6 + o3 + (-2 === d3 ? i8 : x2);
  }
  return [V(t5, l3 + (t5[s5] || "<?>") + (2 === i7 ? "</svg>" : 3 === i7 ? "</math>" : "")), e5];
};
var S2 = class _S {
  constructor({ strings: t5, _$litType$: i7 }, e5) {
    let r4;
    this.parts = [];
    let l3 = 0, a3 = 0;
    const u5 = t5.length - 1, d3 = this.parts, [f3, v3] = N(t5, i7);
    if (this.el = _S.createElement(f3, e5), P.currentNode = this.el.content, 2 === i7 || 3 === i7) {
      const t6 = this.el.content.firstChild;
      t6.replaceWith(...t6.childNodes);
    }
    for (; null !== (r4 = P.nextNode()) && d3.length < u5; ) {
      if (1 === r4.nodeType) {
        if (r4.hasAttributes()) for (const t6 of r4.getAttributeNames()) if (t6.endsWith(h2)) {
          const i8 = v3[a3++], s5 = r4.getAttribute(t6).split(o3), e6 = /([.?@])?(.*)/.exec(i8);
          d3.push({ type: 1, index: l3, name: e6[2], strings: s5, ctor: "." === e6[1] ? I : "?" === e6[1] ? L : "@" === e6[1] ? z : H }), r4.removeAttribute(t6);
        } else t6.startsWith(o3) && (d3.push({ type: 6, index: l3 }), r4.removeAttribute(t6));
        if (y2.test(r4.tagName)) {
          const t6 = r4.textContent.split(o3), i8 = t6.length - 1;
          if (i8 > 0) {
            r4.textContent = s2 ? s2.emptyScript : "";
            for (let s5 = 0; s5 < i8; s5++) r4.append(t6[s5], c3()), P.nextNode(), d3.push({ type: 2, index: ++l3 });
            r4.append(t6[i8], c3());
          }
        }
      } else if (8 === r4.nodeType) if (r4.data === n3) d3.push({ type: 2, index: l3 });
      else {
        let t6 = -1;
        for (; -1 !== (t6 = r4.data.indexOf(o3, t6 + 1)); ) d3.push({ type: 7, index: l3 }), t6 += o3.length - 1;
      }
      l3++;
    }
  }
  static createElement(t5, i7) {
    const s5 = l2.createElement("template");
    return s5.innerHTML = t5, s5;
  }
};
function M(t5, i7, s5 = t5, e5) {
  if (i7 === E) return i7;
  let h4 = void 0 !== e5 ? s5._$Co?.[e5] : s5._$Cl;
  const o5 = a2(i7) ? void 0 : i7._$litDirective$;
  return h4?.constructor !== o5 && (h4?._$AO?.(false), void 0 === o5 ? h4 = void 0 : (h4 = new o5(t5), h4._$AT(t5, s5, e5)), void 0 !== e5 ? (s5._$Co ??= [])[e5] = h4 : s5._$Cl = h4), void 0 !== h4 && (i7 = M(t5, h4._$AS(t5, i7.values), h4, e5)), i7;
}
var R = class {
  constructor(t5, i7) {
    this._$AV = [], this._$AN = void 0, this._$AD = t5, this._$AM = i7;
  }
  get parentNode() {
    return this._$AM.parentNode;
  }
  get _$AU() {
    return this._$AM._$AU;
  }
  u(t5) {
    const { el: { content: i7 }, parts: s5 } = this._$AD, e5 = (t5?.creationScope ?? l2).importNode(i7, true);
    P.currentNode = e5;
    let h4 = P.nextNode(), o5 = 0, n4 = 0, r4 = s5[0];
    for (; void 0 !== r4; ) {
      if (o5 === r4.index) {
        let i8;
        2 === r4.type ? i8 = new k(h4, h4.nextSibling, this, t5) : 1 === r4.type ? i8 = new r4.ctor(h4, r4.name, r4.strings, this, t5) : 6 === r4.type && (i8 = new Z(h4, this, t5)), this._$AV.push(i8), r4 = s5[++n4];
      }
      o5 !== r4?.index && (h4 = P.nextNode(), o5++);
    }
    return P.currentNode = l2, e5;
  }
  p(t5) {
    let i7 = 0;
    for (const s5 of this._$AV) void 0 !== s5 && (void 0 !== s5.strings ? (s5._$AI(t5, s5, i7), i7 += s5.strings.length - 2) : s5._$AI(t5[i7])), i7++;
  }
};
var k = class _k {
  get _$AU() {
    return this._$AM?._$AU ?? this._$Cv;
  }
  constructor(t5, i7, s5, e5) {
    this.type = 2, this._$AH = A, this._$AN = void 0, this._$AA = t5, this._$AB = i7, this._$AM = s5, this.options = e5, this._$Cv = e5?.isConnected ?? true;
  }
  get parentNode() {
    let t5 = this._$AA.parentNode;
    const i7 = this._$AM;
    return void 0 !== i7 && 11 === t5?.nodeType && (t5 = i7.parentNode), t5;
  }
  get startNode() {
    return this._$AA;
  }
  get endNode() {
    return this._$AB;
  }
  _$AI(t5, i7 = this) {
    t5 = M(this, t5, i7), a2(t5) ? t5 === A || null == t5 || "" === t5 ? (this._$AH !== A && this._$AR(), this._$AH = A) : t5 !== this._$AH && t5 !== E && this._(t5) : void 0 !== t5._$litType$ ? this.$(t5) : void 0 !== t5.nodeType ? this.T(t5) : d2(t5) ? this.k(t5) : this._(t5);
  }
  O(t5) {
    return this._$AA.parentNode.insertBefore(t5, this._$AB);
  }
  T(t5) {
    this._$AH !== t5 && (this._$AR(), this._$AH = this.O(t5));
  }
  _(t5) {
    this._$AH !== A && a2(this._$AH) ? this._$AA.nextSibling.data = t5 : this.T(l2.createTextNode(t5)), this._$AH = t5;
  }
  $(t5) {
    const { values: i7, _$litType$: s5 } = t5, e5 = "number" == typeof s5 ? this._$AC(t5) : (void 0 === s5.el && (s5.el = S2.createElement(V(s5.h, s5.h[0]), this.options)), s5);
    if (this._$AH?._$AD === e5) this._$AH.p(i7);
    else {
      const t6 = new R(e5, this), s6 = t6.u(this.options);
      t6.p(i7), this.T(s6), this._$AH = t6;
    }
  }
  _$AC(t5) {
    let i7 = C.get(t5.strings);
    return void 0 === i7 && C.set(t5.strings, i7 = new S2(t5)), i7;
  }
  k(t5) {
    u2(this._$AH) || (this._$AH = [], this._$AR());
    const i7 = this._$AH;
    let s5, e5 = 0;
    for (const h4 of t5) e5 === i7.length ? i7.push(s5 = new _k(this.O(c3()), this.O(c3()), this, this.options)) : s5 = i7[e5], s5._$AI(h4), e5++;
    e5 < i7.length && (this._$AR(s5 && s5._$AB.nextSibling, e5), i7.length = e5);
  }
  _$AR(t5 = this._$AA.nextSibling, s5) {
    for (this._$AP?.(false, true, s5); t5 !== this._$AB; ) {
      const s6 = i3(t5).nextSibling;
      i3(t5).remove(), t5 = s6;
    }
  }
  setConnected(t5) {
    void 0 === this._$AM && (this._$Cv = t5, this._$AP?.(t5));
  }
};
var H = class {
  get tagName() {
    return this.element.tagName;
  }
  get _$AU() {
    return this._$AM._$AU;
  }
  constructor(t5, i7, s5, e5, h4) {
    this.type = 1, this._$AH = A, this._$AN = void 0, this.element = t5, this.name = i7, this._$AM = e5, this.options = h4, s5.length > 2 || "" !== s5[0] || "" !== s5[1] ? (this._$AH = Array(s5.length - 1).fill(new String()), this.strings = s5) : this._$AH = A;
  }
  _$AI(t5, i7 = this, s5, e5) {
    const h4 = this.strings;
    let o5 = false;
    if (void 0 === h4) t5 = M(this, t5, i7, 0), o5 = !a2(t5) || t5 !== this._$AH && t5 !== E, o5 && (this._$AH = t5);
    else {
      const e6 = t5;
      let n4, r4;
      for (t5 = h4[0], n4 = 0; n4 < h4.length - 1; n4++) r4 = M(this, e6[s5 + n4], i7, n4), r4 === E && (r4 = this._$AH[n4]), o5 ||= !a2(r4) || r4 !== this._$AH[n4], r4 === A ? t5 = A : t5 !== A && (t5 += (r4 ?? "") + h4[n4 + 1]), this._$AH[n4] = r4;
    }
    o5 && !e5 && this.j(t5);
  }
  j(t5) {
    t5 === A ? this.element.removeAttribute(this.name) : this.element.setAttribute(this.name, t5 ?? "");
  }
};
var I = class extends H {
  constructor() {
    super(...arguments), this.type = 3;
  }
  j(t5) {
    this.element[this.name] = t5 === A ? void 0 : t5;
  }
};
var L = class extends H {
  constructor() {
    super(...arguments), this.type = 4;
  }
  j(t5) {
    this.element.toggleAttribute(this.name, !!t5 && t5 !== A);
  }
};
var z = class extends H {
  constructor(t5, i7, s5, e5, h4) {
    super(t5, i7, s5, e5, h4), this.type = 5;
  }
  _$AI(t5, i7 = this) {
    if ((t5 = M(this, t5, i7, 0) ?? A) === E) return;
    const s5 = this._$AH, e5 = t5 === A && s5 !== A || t5.capture !== s5.capture || t5.once !== s5.once || t5.passive !== s5.passive, h4 = t5 !== A && (s5 === A || e5);
    e5 && this.element.removeEventListener(this.name, this, s5), h4 && this.element.addEventListener(this.name, this, t5), this._$AH = t5;
  }
  handleEvent(t5) {
    "function" == typeof this._$AH ? this._$AH.call(this.options?.host ?? this.element, t5) : this._$AH.handleEvent(t5);
  }
};
var Z = class {
  constructor(t5, i7, s5) {
    this.element = t5, this.type = 6, this._$AN = void 0, this._$AM = i7, this.options = s5;
  }
  get _$AU() {
    return this._$AM._$AU;
  }
  _$AI(t5) {
    M(this, t5);
  }
};
var j = { M: h2, P: o3, A: n3, C: 1, L: N, R, D: d2, V: M, I: k, H, N: L, U: z, B: I, F: Z };
var B = t2.litHtmlPolyfillSupport;
B?.(S2, k), (t2.litHtmlVersions ??= []).push("3.3.3");
var D = (t5, i7, s5) => {
  const e5 = s5?.renderBefore ?? i7;
  let h4 = e5._$litPart$;
  if (void 0 === h4) {
    const t6 = s5?.renderBefore ?? null;
    e5._$litPart$ = h4 = new k(i7.insertBefore(c3(), t6), t6, void 0, s5 ?? {});
  }
  return h4._$AI(t5), h4;
};

// node_modules/lit-element/lit-element.js
var s3 = globalThis;
var i4 = class extends y {
  constructor() {
    super(...arguments), this.renderOptions = { host: this }, this._$Do = void 0;
  }
  createRenderRoot() {
    const t5 = super.createRenderRoot();
    return this.renderOptions.renderBefore ??= t5.firstChild, t5;
  }
  update(t5) {
    const r4 = this.render();
    this.hasUpdated || (this.renderOptions.isConnected = this.isConnected), super.update(t5), this._$Do = D(r4, this.renderRoot, this.renderOptions);
  }
  connectedCallback() {
    super.connectedCallback(), this._$Do?.setConnected(true);
  }
  disconnectedCallback() {
    super.disconnectedCallback(), this._$Do?.setConnected(false);
  }
  render() {
    return E;
  }
};
i4._$litElement$ = true, i4["finalized"] = true, s3.litElementHydrateSupport?.({ LitElement: i4 });
var o4 = s3.litElementPolyfillSupport;
o4?.({ LitElement: i4 });
(s3.litElementVersions ??= []).push("4.2.2");

// node_modules/lit-html/directive.js
var t3 = { ATTRIBUTE: 1, CHILD: 2, PROPERTY: 3, BOOLEAN_ATTRIBUTE: 4, EVENT: 5, ELEMENT: 6 };
var e4 = (t5) => (...e5) => ({ _$litDirective$: t5, values: e5 });
var i5 = class {
  constructor(t5) {
  }
  get _$AU() {
    return this._$AM._$AU;
  }
  _$AT(t5, e5, i7) {
    this._$Ct = t5, this._$AM = e5, this._$Ci = i7;
  }
  _$AS(t5, e5) {
    return this.update(t5, e5);
  }
  update(t5, e5) {
    return this.render(...e5);
  }
};

// node_modules/lit-html/directive-helpers.js
var { I: t4 } = j;
var i6 = (o5) => o5;
var s4 = () => document.createComment("");
var v2 = (o5, n4, e5) => {
  const l3 = o5._$AA.parentNode, d3 = void 0 === n4 ? o5._$AB : n4._$AA;
  if (void 0 === e5) {
    const i7 = l3.insertBefore(s4(), d3), n5 = l3.insertBefore(s4(), d3);
    e5 = new t4(i7, n5, o5, o5.options);
  } else {
    const t5 = e5._$AB.nextSibling, n5 = e5._$AM, c5 = n5 !== o5;
    if (c5) {
      let t6;
      e5._$AQ?.(o5), e5._$AM = o5, void 0 !== e5._$AP && (t6 = o5._$AU) !== n5._$AU && e5._$AP(t6);
    }
    if (t5 !== d3 || c5) {
      let o6 = e5._$AA;
      for (; o6 !== t5; ) {
        const t6 = i6(o6).nextSibling;
        i6(l3).insertBefore(o6, d3), o6 = t6;
      }
    }
  }
  return e5;
};
var u3 = (o5, t5, i7 = o5) => (o5._$AI(t5, i7), o5);
var m2 = {};
var p3 = (o5, t5 = m2) => o5._$AH = t5;
var M2 = (o5) => o5._$AH;
var h3 = (o5) => {
  o5._$AR(), o5._$AA.remove();
};

// node_modules/lit-html/directives/repeat.js
var u4 = (e5, s5, t5) => {
  const r4 = /* @__PURE__ */ new Map();
  for (let l3 = s5; l3 <= t5; l3++) r4.set(e5[l3], l3);
  return r4;
};
var c4 = e4(class extends i5 {
  constructor(e5) {
    if (super(e5), e5.type !== t3.CHILD) throw Error("repeat() can only be used in text expressions");
  }
  dt(e5, s5, t5) {
    let r4;
    void 0 === t5 ? t5 = s5 : void 0 !== s5 && (r4 = s5);
    const l3 = [], o5 = [];
    let i7 = 0;
    for (const s6 of e5) l3[i7] = r4 ? r4(s6, i7) : i7, o5[i7] = t5(s6, i7), i7++;
    return { values: o5, keys: l3 };
  }
  render(e5, s5, t5) {
    return this.dt(e5, s5, t5).values;
  }
  update(s5, [t5, r4, c5]) {
    const d3 = M2(s5), { values: p4, keys: a3 } = this.dt(t5, r4, c5);
    if (!Array.isArray(d3)) return this.ut = a3, p4;
    const h4 = this.ut ??= [], v3 = [];
    let m3, y3, x2 = 0, j2 = d3.length - 1, k2 = 0, w2 = p4.length - 1;
    for (; x2 <= j2 && k2 <= w2; ) if (null === d3[x2]) x2++;
    else if (null === d3[j2]) j2--;
    else if (h4[x2] === a3[k2]) v3[k2] = u3(d3[x2], p4[k2]), x2++, k2++;
    else if (h4[j2] === a3[w2]) v3[w2] = u3(d3[j2], p4[w2]), j2--, w2--;
    else if (h4[x2] === a3[w2]) v3[w2] = u3(d3[x2], p4[w2]), v2(s5, v3[w2 + 1], d3[x2]), x2++, w2--;
    else if (h4[j2] === a3[k2]) v3[k2] = u3(d3[j2], p4[k2]), v2(s5, d3[x2], d3[j2]), j2--, k2++;
    else if (void 0 === m3 && (m3 = u4(a3, k2, w2), y3 = u4(h4, x2, j2)), m3.has(h4[x2])) if (m3.has(h4[j2])) {
      const e5 = y3.get(a3[k2]), t6 = void 0 !== e5 ? d3[e5] : null;
      if (null === t6) {
        const e6 = v2(s5, d3[x2]);
        u3(e6, p4[k2]), v3[k2] = e6;
      } else v3[k2] = u3(t6, p4[k2]), v2(s5, d3[x2], t6), d3[e5] = null;
      k2++;
    } else h3(d3[j2]), j2--;
    else h3(d3[x2]), x2++;
    for (; k2 <= w2; ) {
      const e5 = v2(s5, v3[w2 + 1]);
      u3(e5, p4[k2]), v3[k2++] = e5;
    }
    for (; x2 <= j2; ) {
      const e5 = d3[x2++];
      null !== e5 && h3(e5);
    }
    return this.ut = a3, p3(s5, v3), E;
  }
});

// src/constants.js
var DOMAIN = "blink_health";
var CARD_TYPE = "blink-health-card";
var TRANSLATIONS = `component.${DOMAIN}`;
var DOCUMENTATION = "https://github.com/blink-health/blink-health#dashboard-card";
var LED_STATES = [
  "solid_green",
  "blinking_blue",
  "blinking_red",
  "red_six_flashes",
  "red_while_recording",
  "solid_red",
  "off"
];
var CAUSE_ORDER = [
  "setup_incomplete",
  "sync_module_offline",
  "low_battery",
  "wifi_disconnected",
  "wrong_battery_type",
  "continuous_recording",
  "recording",
  "hardware_fault",
  "weak_wifi",
  "ok"
];
var BATTERY_CAUSES = /* @__PURE__ */ new Set(["low_battery", "wrong_battery_type"]);
var SEVERITY_ORDER = ["error", "warning"];
var ROLES = {
  "sensor.likely_cause": "cause",
  "sensor.led_state": "led",
  "binary_sensor.problem": "problem",
  "button.batteries_replaced": "batteriesButton",
  "sensor.battery_replacement_due": "forecast",
  "sensor.connection": "connection",
  "sensor.batteries_due_soon": "dueSoon",
  "sensor.local_storage": "storage"
};
var WEAK_SIGNAL = "weak_wifi";
var WEAK_LINKS = {
  improve_wifi_signal: "wifi",
  move_sync_module: "sync_module",
  move_camera: "both"
};
var COLD_FACT = "cold_temperature_c";
var STORAGE_STOPPED = ["no_drive", "full", "not_compatible", "not_set_up"];
var STORAGE_ISSUE = "local_storage";
var LEARNING = "learning";
var CONNECTED = "connected";
var NO_STATE = /* @__PURE__ */ new Set(["unknown", "unavailable"]);
var DEVICE_ID = /^[0-9a-f]{32}$/;

// src/led.js
var SIX_FLASHES = (() => {
  const frames = [];
  for (let flash = 0; flash < 6; flash += 1) {
    const start = flash * 10;
    frames.push(`${start}%, ${start + 4.99}% { opacity: 1; }`);
    frames.push(`${start + 5}%, ${start + 9.99}% { opacity: 0.12; }`);
  }
  frames.push("60%, 100% { opacity: 0.12; }");
  return r(`@keyframes six-flashes { ${frames.join(" ")} }`);
})();
var LED_STYLES = i`
  svg.camera {
    flex: none;
    display: block;
  }
  svg.camera .body {
    fill: var(--primary-background-color, #f0f0f0);
    stroke: var(--secondary-text-color, #777);
    stroke-width: 1.5;
  }
  svg.camera .lens {
    fill: #20252b;
    stroke: var(--secondary-text-color, #777);
    stroke-width: 1;
  }
  svg.camera .glint {
    fill: #8ea4b8;
    opacity: 0.8;
  }
  .camera {
    --led: #5c5c5c;
  }
  .led {
    fill: var(--led);
  }
  .halo {
    fill: var(--led);
    opacity: 0;
  }
  .led-solid_green {
    --led: #2ee06a;
  }
  .led-blinking_blue {
    --led: #2f8cff;
  }
  .led-blinking_red,
  .led-red_six_flashes,
  .led-red_while_recording,
  .led-solid_red {
    --led: #ff2d2d;
  }
  .led-off .led {
    fill: #4a4a4a;
  }
  .led-unknown .led {
    fill: none;
    stroke: var(--secondary-text-color, #777);
    stroke-dasharray: 2 2;
  }
  .led-solid_green .halo,
  .led-solid_red .halo {
    opacity: 0.35;
  }
  svg.camera:not(.led-off):not(.led-unknown) .led {
    filter: drop-shadow(0 0 2px var(--led));
  }
  .led-blinking_blue .lit,
  .led-blinking_red .lit {
    animation: blink 1s steps(1, end) infinite;
  }
  .led-red_while_recording .lit {
    animation: blink 0.5s steps(1, end) infinite;
  }
  .led-red_six_flashes .lit {
    animation: six-flashes 6s linear infinite;
  }
  .led-blinking_blue .halo,
  .led-blinking_red .halo,
  .led-red_six_flashes .halo,
  .led-red_while_recording .halo {
    opacity: 0.35;
  }
  svg.camera.last-known {
    filter: grayscale(1);
    opacity: 0.7;
  }
  svg.camera.last-known .lit {
    animation: none;
  }
  @keyframes blink {
    0% {
      opacity: 1;
    }
    50% {
      opacity: 0.12;
    }
  }
  ${SIX_FLASHES}
`;
function ledSvg(state, alt, size, lastKnown = false) {
  const known = LED_STATES.includes(state) ? state : "unknown";
  return b2`<svg
    class="camera led-${known} ${lastKnown ? "last-known" : ""}"
    data-led=${known}
    width=${size}
    height=${size}
    viewBox="0 0 44 44"
    role="img"
    aria-label=${alt}
  >
    <rect class="body" x="4" y="4" width="36" height="36" rx="9"></rect>
    <circle class="lens" cx="22" cy="25" r="8.5"></circle>
    <circle class="glint" cx="19.5" cy="22.5" r="2"></circle>
    <g class="lit">
      <circle class="halo" cx="32" cy="11.5" r="6.5"></circle>
      <circle class="led" cx="32" cy="11.5" r="3.6"></circle>
    </g>
  </svg>`;
}

// src/texts.js
function label(hass, key, placeholders) {
  return hass.localize(`${TRANSLATIONS}.selector.card.options.${key}`, placeholders) || "";
}
function causeName(hass, cause) {
  return hass.localize(`${TRANSLATIONS}.entity.sensor.likely_cause.state.${cause}`) || cause;
}
function causeText(hass, camera) {
  if (camera.unknown) {
    return label(hass, "no_data");
  }
  return causeName(hass, camera.cause);
}
function ledText(hass, state) {
  if (LED_STATES.includes(state)) {
    return hass.localize(`${TRANSLATIONS}.entity.sensor.led_state.state.${state}`);
  }
  return hass.localize(`state.default.${NO_STATE.has(state) ? state : "unknown"}`) || "";
}
function connectionText(hass, state) {
  return hass.localize(`${TRANSLATIONS}.entity.sensor.connection.state.${state}`) || state;
}
function fixTitle(hass, fix2) {
  return hass.localize(`${TRANSLATIONS}.selector.fix_title.options.${fix2}`);
}
function metaText(hass, camera) {
  return [camera.model, camera.unknown ? "" : ledText(hass, camera.led)].filter(Boolean).join(" · ");
}
function formatTime(hass, iso) {
  const date = iso ? new Date(iso) : void 0;
  if (!date || Number.isNaN(date.getTime())) {
    return "";
  }
  const locale = hass.locale || {};
  const timeZone = locale.time_zone === "server" && hass.config?.time_zone ? hass.config.time_zone : void 0;
  const hour12 = { 12: true, 24: false }[locale.time_format];
  const day2 = (value) => new Intl.DateTimeFormat("en-CA", { timeZone, dateStyle: "short" }).format(value);
  const today = day2(date) === day2(/* @__PURE__ */ new Date());
  const options = today ? { timeZone, hour: "numeric", minute: "2-digit", hour12 } : { timeZone, dateStyle: "medium", timeStyle: "short", hour12 };
  try {
    return new Intl.DateTimeFormat(locale.language || hass.language, options).format(date);
  } catch (_err) {
    return date.toLocaleString();
  }
}
function temperatureText(hass, celsius) {
  const unit = hass.config?.unit_system?.temperature || "°C";
  const value = unit === "°F" ? celsius * 9 / 5 + 32 : celsius;
  let number;
  try {
    number = new Intl.NumberFormat(hass.locale?.language || hass.language, {
      maximumFractionDigits: 0
    }).format(value);
  } catch (_err) {
    number = String(Math.round(value));
  }
  return `${number} ${unit}`;
}

// src/explain.js
var EXPLAIN_STYLES = i`
  .explain {
    display: flex;
    flex-direction: column;
    gap: 10px;
    padding: 10px;
    border-radius: 8px;
    background: var(--card-background-color, transparent);
    border: 1px solid var(--bh-divider);
  }
  .explain h4 {
    margin: 0;
    font-size: 14px;
    font-weight: 500;
    color: var(--primary-text-color);
  }
  .choices {
    display: grid;
    gap: 6px;
    grid-template-columns: repeat(auto-fill, minmax(128px, 1fr));
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 8px;
    min-height: 44px;
    border-radius: 8px;
    font: inherit;
    font-size: 13px;
    text-align: start;
    cursor: pointer;
    color: var(--primary-text-color);
    background: transparent;
    border: 1px solid var(--bh-divider);
  }
  .choice-text {
    display: flex;
    flex-direction: column;
  }
  .likely {
    font-size: 12px;
    font-weight: 500;
    color: var(--bh-action-text);
  }
  .choice[aria-pressed="true"] {
    border-color: var(--primary-color);
    box-shadow: inset 0 0 0 1px var(--primary-color);
  }
  .answer {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .candidate {
    padding: 8px 0;
    border-top: 1px solid var(--bh-divider);
  }
  .candidate-cause {
    font-size: 15px;
    font-weight: 500;
    color: var(--primary-text-color);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 4px 0;
  }
  .chip {
    font-size: 12px;
    padding: 2px 8px;
    border-radius: 10px;
    color: var(--primary-text-color);
    background: rgba(127, 127, 127, 0.16);
  }
  details {
    margin-top: 4px;
    font-size: 14px;
    color: var(--primary-text-color);
  }
  summary {
    cursor: pointer;
  }
  .steps {
    display: block;
    margin: 6px 0 0;
    color: var(--secondary-text-color);
    /* ha-markdown draws links in the primary colour: the card's link colour reaches AA. */
    --primary-color: var(--bh-action-text);
  }
  .steps a {
    color: var(--bh-action-text);
  }
  .steps.plain {
    white-space: pre-line;
  }
`;
function explainPanel(hass, state, camera, onPick, onClose) {
  const choices = LED_STATES.map((led) => {
    const text = hass.localize(`${TRANSLATIONS}.selector.led_state.options.${led}`);
    const believed = led === camera.led;
    return b2`<button
      class="choice ${believed ? "believed" : ""}"
      data-observed=${led}
      ?data-believed=${believed}
      aria-pressed=${state.observed === led ? "true" : "false"}
      @click=${() => onPick(led)}
    >
      ${ledSvg(led, text, 28)}
      <span class="choice-text">
        <span>${text}</span>
        ${believed ? b2`<span class="likely">${label(hass, "believed")}</span>` : A}
      </span>
    </button>`;
  });
  return b2`<div class="explain" data-explain>
    <h4>${label(hass, "pick_light", { camera: camera.name })}</h4>
    <div class="choices">${choices}</div>
    ${answer(hass, state)}
    <div class="actions">
      <button class="action" data-action="explain-close" @click=${onClose}>
        ${label(hass, "close")}
      </button>
    </div>
  </div>`;
}
function answer(hass, state) {
  if (state.busy) {
    return b2`<div class="note" role="status">${label(hass, "explaining")}</div>`;
  }
  if (state.error !== void 0) {
    return b2`<div class="error-text" role="alert">
      ${label(hass, "explain_failed", { error: state.error })}
    </div>`;
  }
  return state.result ? answerOf(hass, state.result) : A;
}
function answerOf(hass, result) {
  const reported = result.reported_cause ? causeName(hass, result.reported_cause.cause) : "";
  const notes = (result.notes || []).map((note) => {
    const key = `${TRANSLATIONS}.selector.explain_note.options.${note.id}`;
    const text = hass.localize(key, { cause: reported }) || note.text;
    return b2`<p class="note" data-note=${note.id}>${text}</p>`;
  });
  if (!result.causes?.length) {
    return b2`<div class="answer" data-answer>
      ${notes}
      <div class="note">${label(hass, "no_causes")}</div>
    </div>`;
  }
  const candidates = result.causes.map((candidate, index) => {
    const fits = label(hass, candidate.fits_telemetry ? "fits" : "does_not_fit");
    const fixes = (candidate.fixes || []).map((fix2) => {
      const steps = hass.localize(`${TRANSLATIONS}.selector.fix_steps.options.${fix2.steps_id}`) || fix2.steps;
      return b2`<details ?open=${index === 0}>
        <summary>${fixTitle(hass, fix2.id) || fix2.title}</summary>
        ${stepsView(steps)}
      </details>`;
    });
    return b2`<div class="candidate" data-candidate=${candidate.cause}>
      <div class="candidate-cause">${causeName(hass, candidate.cause) || candidate.name}</div>
      <div class="chips">
        <span class="chip">${label(hass, `confidence_${candidate.confidence}`)}</span>
        <span class="chip">${fits}</span>
      </div>
      ${fixes}
    </div>`;
  });
  return b2`<div class="answer" data-answer>${notes}${candidates}</div>`;
}
function stepsView(steps) {
  if (customElements.get("ha-markdown")) {
    return b2`<ha-markdown class="steps" breaks .content=${steps}></ha-markdown>`;
  }
  return b2`<p class="steps plain">${steps}</p>`;
}
async function explainLed(hass, deviceId, observed) {
  try {
    const { response } = await hass.callService(
      DOMAIN,
      "explain_led",
      { device_id: deviceId, observed },
      void 0,
      false,
      true
    );
    return { deviceId, observed, result: response };
  } catch (err) {
    return { deviceId, observed, error: err?.message || String(err?.code || err) };
  }
}

// src/forecast.js
var ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
var DAY_MS = 864e5;
var WIDE_DAYS = 30;
var FORECAST_STYLES = i`
  .forecast,
  .cold {
    display: flex;
    align-items: flex-start;
    gap: 4px;
    margin-top: 4px;
    font-size: 13px;
    line-height: 18px;
    font-weight: 400;
    color: var(--primary-text-color);
    overflow-wrap: anywhere;
  }
  .forecast ha-icon,
  .cold ha-icon {
    flex: none;
    --mdc-icon-size: 16px;
    color: var(--secondary-text-color);
  }
  .cold {
    margin-top: 2px;
    color: var(--secondary-text-color);
  }
  .row-head > .cold {
    grid-column: 2 / -1;
  }
  .forecast.due {
    font-weight: 500;
    color: var(--bh-warning-text);
  }
  .forecast.due ha-icon {
    color: var(--bh-warning);
  }
  .notice.due ha-icon {
    color: var(--bh-warning);
  }
`;
function day(iso) {
  return ISO_DAY.test(iso || "") ? /* @__PURE__ */ new Date(`${iso}T00:00:00Z`) : void 0;
}
function dayFormat(hass) {
  const options = { dateStyle: "medium", timeZone: "UTC" };
  try {
    return new Intl.DateTimeFormat(hass.locale?.language || hass.language, options);
  } catch (_err) {
    return new Intl.DateTimeFormat(void 0, options);
  }
}
function formatDay(hass, iso) {
  const value = day(iso);
  return value ? dayFormat(hass).format(value) : "";
}
function forecastOf(hass, entities) {
  const forecast = entities.forecast && hass.states[entities.forecast];
  if (!forecast || !day(forecast.state)) {
    return void 0;
  }
  return {
    date: forecast.state,
    daysLeft: Number(forecast.attributes.days_left) || 0,
    earliest: forecast.attributes.earliest,
    latest: forecast.attributes.latest,
    basis: forecast.attributes.basis
  };
}
function wide(forecast) {
  const earliest = day(forecast.earliest);
  const latest = day(forecast.latest);
  if (!earliest || !latest) {
    return false;
  }
  const span = (latest - earliest) / DAY_MS;
  return span > WIDE_DAYS || forecast.daysLeft > 0 && span > forecast.daysLeft;
}
function forecastText(hass, forecast) {
  const date = formatDay(hass, forecast.date);
  if (forecast.daysLeft <= 0) {
    return label(hass, "forecast_now", { date });
  }
  if (forecast.basis === LEARNING) {
    return label(hass, "forecast_learning", { date });
  }
  if (wide(forecast)) {
    const earliest = formatDay(hass, forecast.earliest);
    const latest = formatDay(hass, forecast.latest);
    return label(hass, "forecast_range", { date, earliest, latest });
  }
  return label(hass, "forecast", { date });
}
function forecastLine(hass, camera) {
  const forecast = camera.forecast;
  if (!forecast) {
    return A;
  }
  return b2`<span class="forecast ${camera.due ? "due" : ""}" data-forecast=${forecast.date}>
    <ha-icon icon="mdi:battery-clock-outline"></ha-icon><span>${forecastText(hass, forecast)}</span>
  </span>`;
}
function coldHint(hass, camera) {
  return camera.cold === void 0 ? A : b2`<span class="cold" data-cold=${camera.cold}>
        <ha-icon icon="mdi:snowflake-thermometer"></ha-icon>
        <span>${label(hass, "cold", { temperature: temperatureText(hass, camera.cold) })}</span>
      </span>`;
}
function batteriesDue(accounts, cameras, configured) {
  const due = accounts.flatMap((account) => account.batteriesDue).filter((listed) => listed && day(listed.date)).map((listed) => ({
    name: listed.name,
    deviceId: listed.device_id,
    date: listed.date,
    daysLeft: Number(listed.days_left) || 0
  })).sort((a3, b3) => a3.date.localeCompare(b3.date));
  const list = [];
  for (const item of due) {
    const camera = cameras.find((candidate) => candidate.deviceId === item.deviceId);
    if (camera || !configured) {
      list.push({ ...item, name: camera?.name || item.name, camera });
    }
  }
  return list;
}
function dueText(hass, item) {
  const camera = item.name;
  if (item.daysLeft <= 0) {
    return label(hass, "due_today", { camera });
  }
  if (item.daysLeft === 1) {
    return label(hass, "due_tomorrow", { camera });
  }
  return label(hass, "due_in_days", {
    camera,
    days: item.daysLeft,
    date: formatDay(hass, item.date)
  });
}
function dueNotice(hass, due) {
  if (!due.length) {
    return A;
  }
  const texts = due.map((item) => dueText(hass, item));
  let parts;
  try {
    parts = new Intl.ListFormat(hass.locale?.language || hass.language, {
      type: "conjunction"
    }).formatToParts(texts);
  } catch (_err) {
    parts = texts.flatMap((text, index2) => [
      ...index2 ? [{ type: "literal", value: ", " }] : [],
      { type: "element", value: text }
    ]);
  }
  let index = 0;
  const items = parts.map((part) => {
    if (part.type !== "element") {
      return part.value;
    }
    const item = due[index++];
    return b2`<span data-due=${item.date} data-due-camera=${item.name}>${part.value}</span>`;
  });
  return b2`<div class="notice due" data-batteries-due>
    <ha-icon icon="mdi:battery-alert-variant-outline"></ha-icon>
    <div><span class="notice-title">${label(hass, "batteries_due")}</span> ${items}</div>
  </div>`;
}

// src/camera-views.js
function light(hass, camera, size) {
  const alt = label(hass, camera.asOf ? "light_alt_last_known" : "light_alt", {
    light: camera.unknown ? ledText(hass, "unknown") : ledText(hass, camera.led)
  });
  return ledSvg(camera.led, alt, size, Boolean(camera.asOf || camera.unknown));
}
function blinkSays(hass, camera) {
  return camera.blinkIssues?.length ? b2`<div class="blink-says" data-blink-issues>
        ${label(hass, "blink_reports", { issues: camera.blinkIssues.join("; ") })}
      </div>` : A;
}
function asOf(hass, camera) {
  return camera.asOf ? b2`<span class="as-of" data-as-of>${label(hass, "as_of", { time: formatTime(hass, camera.asOf) })}</span>` : A;
}
function since(hass, camera) {
  const time = formatTime(hass, camera.since);
  return time ? b2`<span class="since" data-since>${label(hass, "since", { time })}</span>` : A;
}
function fix(hass, camera) {
  if (!camera.fixes.length) {
    return A;
  }
  return b2`<div class="fix">
    ${camera.weakLink ? b2`<div class="weak-link" data-weak-link=${camera.weakLink}>
          ${label(hass, `weak_link_${camera.weakLink}`)}
        </div>` : A}
    <div data-fix>${label(hass, "first_fix", { fix: fixTitle(hass, camera.fixes[0]) })}</div>
  </div>`;
}
function tag(camera) {
  return {
    name: camera.name,
    device: camera.deviceId,
    entry: camera.entry?.entryId || "",
    state: camera.unknown ? "unknown" : camera.cause,
    stale: camera.asOf ? "true" : "false"
  };
}
function tile(hass, ui, camera) {
  const data = tag(camera);
  const open = ui.explain?.deviceId === camera.deviceId;
  return b2`<section
    class="tile ${camera.severity || "warning"} ${camera.asOf ? "stale" : ""} ${open ? "open" : ""}"
    data-camera=${data.name}
    data-device=${data.device}
    data-entry=${data.entry}
    data-state=${data.state}
    data-stale=${data.stale}
  >
    <div class="head">
      ${light(hass, camera, 48)}
      <div class="who">
        <h3 class="name" data-name>${camera.name}</h3>
        <div class="meta">${metaText(hass, camera)}</div>
        <div class="cause" data-cause>${causeText(hass, camera)}</div>
        ${blinkSays(hass, camera)} ${since(hass, camera)} ${asOf(hass, camera)}
        ${forecastLine(hass, camera)} ${coldHint(hass, camera)}
      </div>
    </div>
    ${fix(hass, camera)} ${actions(hass, ui, camera, BATTERY_CAUSES.has(camera.cause))}
  </section>`;
}
function row(hass, ui, camera) {
  const data = tag(camera);
  const open = ui.expanded.has(camera.deviceId);
  const bodyId = `details-${camera.deviceId}`;
  return b2`<div
    class="row ${open && ui.explain?.deviceId === camera.deviceId ? "open" : ""}"
    data-camera=${data.name}
    data-device=${data.device}
    data-entry=${data.entry}
    data-state=${data.state}
    data-stale=${data.stale}
  >
    <button
      class="row-head"
      data-action="toggle"
      aria-expanded=${open ? "true" : "false"}
      aria-controls=${bodyId}
      @click=${() => ui.toggle(camera)}
    >
      ${light(hass, camera, 40)}
      <span class="row-who">
        <span class="name" data-name>${camera.name}</span>
        ${asOf(hass, camera)}
      </span>
      <span class="cause ${camera.unknown ? "no-data" : ""}" data-cause>${causeText(hass, camera)}</span>
      <ha-icon class="chevron" icon="mdi:chevron-down"></ha-icon>
      ${forecastLine(hass, camera)} ${coldHint(hass, camera)}
    </button>
    ${open ? b2`<div class="row-body" id=${bodyId}>
          <div class="meta">${metaText(hass, camera)}</div>
          ${blinkSays(hass, camera)} ${actions(hass, ui, camera, true)}
        </div>` : A}
  </div>`;
}
function actions(hass, ui, camera, batteriesFit) {
  const confirming = ui.confirm === camera.deviceId;
  const batteries = camera.entities.batteriesButton && camera.batteriesPressable && batteriesFit && !confirming ? b2`<button class="action ${camera.attention ? "primary" : ""}" data-action="batteries"
          @click=${() => ui.batteries(camera)}>
          <ha-icon icon="mdi:battery-sync-outline"></ha-icon>
          ${hass.localize(`${TRANSLATIONS}.entity.button.batteries_replaced.name`)}
        </button>` : A;
  const repair = camera.issue && hass.user?.is_admin ? b2`<button class="action" data-action="repair" data-issue=${camera.issue.issue_id}
          @click=${() => ui.openRepair(camera)}>
          <ha-icon icon="mdi:wrench-outline"></ha-icon>${label(hass, "open_repair")}
        </button>` : A;
  const explaining = ui.explain?.deviceId === camera.deviceId;
  const explain = b2`<button class="action" data-action="explain" aria-expanded=${explaining ? "true" : "false"}
    @click=${() => ui.explainOpen(camera)}>
    <ha-icon icon="mdi:help-circle-outline"></ha-icon>${label(hass, "what_do_i_see")}
  </button>`;
  const buttons = camera.attention ? [batteries, repair, explain] : [explain, batteries];
  return b2`<div class="actions" role="group" aria-label=${camera.name}>${buttons}</div>
    ${confirming ? b2`<div class="confirm">
          <span>${label(hass, "confirm_batteries", { camera: camera.name })}</span>
          <button class="action primary" data-action="batteries-confirm"
            @click=${() => ui.confirmBatteries(camera)}>${label(hass, "record")}</button>
          <button class="action" data-action="batteries-cancel"
            @click=${() => ui.cancelBatteries()}>${label(hass, "cancel")}</button>
        </div>` : ui.recorded.has(camera.deviceId) ? b2`<div class="note" role="status">${label(hass, "recorded")}</div>` : A}
    ${explaining ? explainPanel(hass, ui.explain, camera, (led) => ui.explainPick(camera, led), () => ui.explainClose()) : A}`;
}

// src/devices.js
function entryIdsOf(device) {
  return device?.config_entry_id ? [device.config_entry_id] : device?.config_entries || [];
}
function ownDevice(device, accounts) {
  return entryIdsOf(device).some((entryId) => accounts.has(entryId));
}
function accountOf(device, accounts, entryByDevice) {
  const own = entryIdsOf(device).find((entryId2) => accounts.has(entryId2));
  const entryId = own || entryByDevice.get(device.id);
  if (entryId && accounts.has(entryId)) {
    return accounts.get(entryId);
  }
  return accounts.size === 1 ? [...accounts.values()][0] : void 0;
}
function deviceName(device, known) {
  return device.name_by_user || known?.name || device.name || device.id;
}
function namesOf(device, shown) {
  return new Set([shown, device.name_by_user, device.name].filter(Boolean));
}
function modelOf(device, own, known) {
  return (own ? device.model : known?.model) || "";
}

// src/storage.js
var STORAGE_STYLES = i`
  .notice.storage > ha-icon {
    color: var(--bh-warning);
  }
  .storage-body {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 4px;
  }
  .storage-state {
    color: var(--bh-warning-text);
  }
`;
function storageProblems(hass, byDevice, card) {
  const { accounts, shown, known, issues } = card;
  const problems = [];
  for (const [deviceId, entities] of byDevice) {
    const storage = entities.storage && hass.states[entities.storage];
    const device = hass.devices?.[deviceId];
    if (!storage || !device || !STORAGE_STOPPED.includes(storage.state) || storage.attributes.worked !== true || !shown.includes(accountOf(device, accounts, known.entries))) {
      continue;
    }
    problems.push({
      deviceId,
      state: storage.state,
      name: deviceName(device, known.devices.get(deviceId)),
      issue: issues.find((issue) => issue.issue_id === `${STORAGE_ISSUE}_${deviceId}`)
    });
  }
  return problems.sort((a3, b3) => a3.name.localeCompare(b3.name, hass.language));
}
function storageNotices(hass, problems, openRepair2) {
  return problems.map(
    (problem) => b2`<div
      class="notice storage"
      data-storage=${problem.state}
      data-sync-module=${problem.name}
      data-device=${problem.deviceId}
    >
      <ha-icon icon="mdi:harddisk"></ha-icon>
      <div class="storage-body">
        <div class="notice-title storage-state">
          ${label(hass, "storage_stopped", {
      sync_module: problem.name,
      state: hass.localize(`${TRANSLATIONS}.entity.sensor.local_storage.state.${problem.state}`)
    })}
        </div>
        <div>${hass.localize(`${TRANSLATIONS}.selector.local_storage_fix.options.${problem.state}`)}</div>
        ${problem.issue && hass.user?.is_admin ? b2`<button class="action" data-action="repair" data-issue=${problem.issue.issue_id}
              @click=${() => openRepair2(problem.issue)}>
              <ha-icon icon="mdi:wrench-outline"></ha-icon>${label(hass, "open_repair")}
            </button>` : A}
      </div>
    </div>`
  );
}

// src/cameras.js
var NOTHING_KNOWN = {
  verdicts: /* @__PURE__ */ new Map(),
  entries: /* @__PURE__ */ new Map(),
  devices: /* @__PURE__ */ new Map(),
  connections: /* @__PURE__ */ new Map()
};
function knownFrom(entries) {
  const devices = entries.flatMap(
    (entry) => [...entry.cameras, ...entry.sync_modules].map((device) => [device, entry.entry_id])
  );
  return {
    verdicts: new Map(entries.flatMap((entry) => entry.cameras).map((camera) => [camera.device_id, camera])),
    entries: new Map(devices.map(([device, entryId]) => [device.device_id, entryId])),
    devices: new Map(devices.map(([device]) => [device.device_id, device])),
    connections: new Map(
      entries.filter((entry) => !entry.loaded && entry.connection).map((entry) => [entry.entry_id, entry.connection])
    )
  };
}
function entitiesByDevice(hass) {
  const byDevice = /* @__PURE__ */ new Map();
  for (const [entityId, entry] of Object.entries(hass.entities || {})) {
    const role = ROLES[`${entityId.split(".")[0]}.${entry.translation_key}`];
    if (entry.platform !== DOMAIN || !entry.device_id || !role) {
      continue;
    }
    if (!byDevice.has(entry.device_id)) {
      byDevice.set(entry.device_id, {});
    }
    byDevice.get(entry.device_id)[role] = entityId;
  }
  return byDevice;
}
function accountsOf(hass, byDevice, known) {
  const accounts = /* @__PURE__ */ new Map();
  for (const [deviceId, entities] of byDevice) {
    const connection = entities.connection && hass.states[entities.connection];
    if (!connection) {
      continue;
    }
    const dueSoon = entities.dueSoon && hass.states[entities.dueSoon];
    for (const entryId of entryIdsOf(hass.devices?.[deviceId])) {
      accounts.set(entryId, {
        entryId,
        state: connection.state,
        since: connection.attributes.since,
        lastUpdate: connection.attributes.last_update,
        code: connection.attributes.code,
        batteriesDue: dueSoon && !NO_STATE.has(dueSoon.state) ? dueSoon.attributes.cameras || [] : []
      });
    }
  }
  for (const [entryId, connection] of known?.connections || []) {
    if (!accounts.has(entryId) || NO_STATE.has(accounts.get(entryId).state)) {
      accounts.set(entryId, {
        entryId,
        state: connection.state,
        since: connection.since,
        lastUpdate: connection.last_update,
        code: connection.code,
        batteriesDue: []
      });
    }
  }
  return accounts;
}
function verdictOf(hass, entities, lastKnown) {
  const causeState = entities.cause && hass.states[entities.cause];
  if (causeState && !NO_STATE.has(causeState.state)) {
    const attributes = causeState.attributes;
    const led = entities.led && hass.states[entities.led];
    return {
      cause: causeState.state,
      led: led && !NO_STATE.has(led.state) ? led.state : "unknown",
      severity: attributes.severity ?? null,
      fixes: attributes.fixes || [],
      blinkIssues: attributes.blink_issues || [],
      since: attributes.since,
      cold: coldOf(attributes.evidence)
    };
  }
  if (lastKnown) {
    return {
      cause: lastKnown.cause,
      led: lastKnown.led_state,
      severity: lastKnown.severity ?? null,
      fixes: lastKnown.fixes || [],
      blinkIssues: lastKnown.blink_issues || [],
      since: lastKnown.since,
      asOf: lastKnown.as_of
    };
  }
  return { cause: causeState?.state ?? "unavailable", led: "unknown", unknown: true, fixes: [] };
}
function coldOf(evidence) {
  const fact = (evidence || []).find((item) => item.startsWith(`${COLD_FACT}=`));
  const celsius = fact ? Number(fact.slice(COLD_FACT.length + 1)) : Number.NaN;
  return Number.isFinite(celsius) ? celsius : void 0;
}
function weakLinkOf(verdict) {
  return verdict.cause === WEAK_SIGNAL ? WEAK_LINKS[verdict.fixes[0]] : void 0;
}
function cardModel(hass, config, issues, known) {
  const byDevice = entitiesByDevice(hass);
  const accounts = accountsOf(hass, byDevice, known);
  const wanted = config.cameras?.length ? config.cameras : void 0;
  const matched = /* @__PURE__ */ new Set();
  const cameras = [];
  for (const [deviceId, entities] of byDevice) {
    const device = hass.devices?.[deviceId];
    if (!entities.cause || !device) {
      continue;
    }
    const own = ownDevice(device, accounts);
    const blink = known.devices.get(deviceId);
    const name = deviceName(device, blink);
    const names = namesOf(device, name);
    const keys = wanted?.filter((value) => value === deviceId || names.has(value));
    if (wanted && !keys.length) {
      continue;
    }
    keys?.forEach((key) => matched.add(key));
    const verdict = verdictOf(hass, entities, known.verdicts.get(deviceId));
    const button = entities.batteriesButton && hass.states[entities.batteriesButton];
    cameras.push({
      ...verdict,
      deviceId,
      name,
      names,
      model: modelOf(device, own, blink),
      weakLink: weakLinkOf(verdict),
      forecast: forecastOf(hass, entities),
      entities,
      entry: accountOf(device, accounts, known.entries),
      batteriesPressable: Boolean(button && button.state !== "unavailable"),
      attention: verdict.severity !== null && verdict.severity !== void 0,
      issue: issueFor(issues, device)
    });
  }
  const shownEntries = new Set(cameras.map((camera) => camera.entry).filter(Boolean));
  const shown = [...shownEntries.size ? shownEntries : accounts.values()];
  const due = batteriesDue(shown, cameras, Boolean(wanted));
  for (const item of due) {
    if (item.camera) {
      item.camera.due = true;
    }
  }
  return {
    cameras: cameras.sort((a3, b3) => compareCameras(a3, b3, hass.language)),
    unmatched: (wanted || []).filter((value) => !matched.has(value)),
    outages: shown.filter((entry) => entry.state !== CONNECTED && !NO_STATE.has(entry.state)),
    due,
    storage: storageProblems(hass, byDevice, { accounts, shown, known, issues })
  };
}
function compareCameras(a3, b3, language) {
  const group = (camera) => camera.attention ? 0 : camera.unknown ? 1 : 2;
  const severity = (camera) => {
    const index = SEVERITY_ORDER.indexOf(camera.severity);
    return index === -1 ? SEVERITY_ORDER.length : index;
  };
  const cause = (camera) => {
    const index = CAUSE_ORDER.indexOf(camera.cause);
    return index === -1 ? CAUSE_ORDER.length : index;
  };
  return group(a3) - group(b3) || severity(a3) - severity(b3) || (a3.attention ? cause(a3) - cause(b3) : 0) || a3.name.localeCompare(b3.name, language);
}
function issueFor(issues, device) {
  const forCamera = issues.filter((issue) => !issue.issue_id.startsWith(`${STORAGE_ISSUE}_`));
  for (const id of [device.id, device.via_device_id].filter(Boolean)) {
    const issue = forCamera.find((candidate) => candidate.issue_id.endsWith(`_${id}`));
    if (issue) {
      return issue;
    }
  }
  return void 0;
}
function lastKnownNeeds(hass) {
  const byDevice = entitiesByDevice(hass);
  const accounts = accountsOf(hass, byDevice);
  const missing = [];
  const foreign = [];
  for (const [deviceId, entities] of byDevice) {
    const device = hass.devices?.[deviceId];
    if ((entities.cause || entities.storage) && device && !ownDevice(device, accounts)) {
      foreign.push(`${deviceId} ${device.name}`);
    }
    if (!entities.cause) {
      continue;
    }
    const state = hass.states[entities.cause];
    if (!state || NO_STATE.has(state.state)) {
      missing.push(deviceId);
    }
  }
  return { missing, foreign };
}

// src/editor.js
var SCHEMA = [
  {
    name: "cameras",
    selector: {
      device: {
        multiple: true,
        filter: [{ integration: DOMAIN }],
        entity: [{ integration: DOMAIN, domain: "binary_sensor", device_class: "problem" }]
      }
    }
  },
  { name: "title", selector: { text: {} } },
  // The switch shows the default (on) while the setting is absent.
  { name: "show_healthy", default: true, selector: { boolean: {} } }
];
function validConfig(config) {
  return Boolean(config) && typeof config === "object" && (config.cameras === void 0 || Array.isArray(config.cameras) && config.cameras.every((value) => typeof value === "string")) && (config.title === void 0 || typeof config.title === "string") && (config.show_healthy === void 0 || typeof config.show_healthy === "boolean");
}
function configForm() {
  const text = (localize, key) => localize(`${TRANSLATIONS}.selector.card.options.${key}`);
  return {
    schema: SCHEMA,
    computeLabel: (schema, localize) => text(localize, `editor_${schema.name}`) || void 0,
    computeHelper: (schema, localize) => schema.name === "cameras" ? text(localize, "editor_cameras_helper") || void 0 : void 0,
    assertConfig: (config) => {
      if (config.cameras?.some((value) => !DEVICE_ID.test(value))) {
        throw new Error(config.cameras.filter((value) => !DEVICE_ID.test(value)).join(", "));
      }
    }
  };
}
function stubConfig() {
  return { show_healthy: true };
}

// src/summary.js
function summary(hass, model, openRepair2) {
  const { cameras, unmatched, outages } = model;
  const total = cameras.length;
  const attention = cameras.filter((camera) => camera.attention);
  const noData = cameras.filter((camera) => camera.unknown || camera.asOf).length;
  const notFound = unmatched.length ? label(hass, "not_found", { names: unmatched.join(", ") }) : "";
  let tone = "ok";
  let text = label(hass, "all_fine");
  if (outages.length) {
    tone = "error";
    text = outageText(hass, outages[0]);
  } else if (attention.length) {
    tone = attention.some((camera) => camera.severity === "error") ? "error" : "warning";
    text = label(hass, "attention", { count: attention.length, total });
  } else if (noData) {
    tone = "warning";
    text = label(hass, "unknown_summary", { count: noData, total });
  } else if (!total) {
    tone = "warning";
    text = label(hass, "no_cameras");
  } else if (notFound) {
    tone = "warning";
    text = notFound;
  }
  return b2`<div class="summary ${tone}" data-summary data-tone=${tone} aria-live="polite">
      <span class="mark"></span><span>${text}</span>
    </div>
    ${outages.map((outage, index) => outageNotice(hass, outage, index > 0 || outages.length > 1))}
    ${!outages.length && noData && text !== label(hass, "unknown_summary", { count: noData, total }) ? b2`<div class="notice" data-no-data>${label(hass, "unknown_summary", { count: noData, total })}</div>` : A}
    ${dueNotice(hass, model.due)} ${storageNotices(hass, model.storage, openRepair2)}
    ${notFound && text !== notFound ? b2`<div class="notice" data-not-found>${notFound}</div>` : A}`;
}
function outageText(hass, outage) {
  return label(hass, "outage", {
    reason: connectionText(hass, outage.state),
    time: formatTime(hass, outage.since)
  });
}
function outageNotice(hass, outage, withReason) {
  const lastUpdate = outage.lastUpdate ? label(hass, "last_update", { time: formatTime(hass, outage.lastUpdate) }) : label(hass, "no_last_update");
  return b2`<div class="notice outage" data-outage=${outage.state}>
    <ha-icon icon="mdi:cloud-off-outline"></ha-icon>
    <div>
      ${withReason ? b2`<div class="notice-title">${outageText(hass, outage)}</div>` : A}
      <div>
        ${lastUpdate}${outage.code ? b2` · ${label(hass, "blink_code", { code: outage.code })}` : A}
      </div>
      <div>${label(hass, "last_known_note")}</div>
    </div>
  </div>`;
}

// src/styles.js
var STYLES = [
  i`
    :host {
      display: block;
      --bh-warning: var(--warning-color, #ffa600);
      --bh-error: var(--error-color, #db4437);
      --bh-ok: var(--success-color, #43a047);
      --bh-warning-text: color-mix(in srgb, var(--bh-warning) 50%, var(--primary-text-color));
      --bh-error-text: color-mix(in srgb, var(--bh-error) 60%, var(--primary-text-color));
      --bh-action-text: color-mix(in srgb, var(--primary-color) 55%, var(--primary-text-color));
      --bh-divider: var(--divider-color, rgba(127, 127, 127, 0.3));
    }
    ha-card {
      padding: 16px;
      overflow: hidden;
    }
    .title {
      margin: 0 0 8px;
      font-size: var(--ha-card-header-font-size, 20px);
      font-weight: 400;
      color: var(--ha-card-header-color, var(--primary-text-color));
    }
    .summary {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
      font-size: 16px;
      line-height: 24px;
      font-weight: 500;
      color: var(--primary-text-color);
    }
    .summary .mark {
      flex: none;
      width: 10px;
      height: 10px;
      border-radius: 50%;
      background: var(--bh-ok);
    }
    .summary.warning .mark {
      background: var(--bh-warning);
    }
    .summary.error .mark {
      background: var(--bh-error);
    }
    .notice {
      display: flex;
      gap: 10px;
      align-items: flex-start;
      margin-top: 8px;
      padding: 8px 12px;
      border-radius: 8px;
      font-size: 14px;
      color: var(--primary-text-color);
      border: 1px solid var(--bh-divider);
      border-left: 4px solid var(--bh-warning);
    }
    .notice.outage {
      border-left-color: var(--bh-error);
    }
    .notice ha-icon {
      flex: none;
      color: var(--bh-error);
    }
    .notice-title,
    .weak-link {
      font-weight: 500;
    }
    .grid {
      display: grid;
      gap: 12px;
      margin-top: 12px;
      align-items: start;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
    }
    .tile {
      display: flex;
      flex-direction: column;
      gap: 10px;
      padding: 12px;
      min-width: 0;
      border: 1px solid var(--bh-divider);
      border-left: 4px solid var(--bh-warning);
      border-radius: var(--ha-card-border-radius, 12px);
      background: color-mix(in srgb, var(--bh-warning) 7%, transparent);
    }
    .tile.error {
      border-left-color: var(--bh-error);
      background: color-mix(in srgb, var(--bh-error) 7%, transparent);
    }
    .tile.stale {
      border-left-style: dashed;
      border-left-color: var(--secondary-text-color);
      background: color-mix(in srgb, var(--secondary-text-color) 6%, transparent);
    }
    .tile.open {
      grid-column: 1 / -1;
    }
    .head {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      min-width: 0;
    }
    .who {
      min-width: 0;
      flex: 1;
    }
    .name {
      margin: 0;
      font-size: 16px;
      font-weight: 500;
      color: var(--primary-text-color);
      overflow-wrap: anywhere;
    }
    .meta,
    .as-of,
    .since {
      display: block;
      font-size: 13px;
      color: var(--secondary-text-color);
      overflow-wrap: anywhere;
    }
    .as-of {
      font-style: italic;
    }
    .cause {
      margin-top: 2px;
      font-size: 15px;
      font-weight: 500;
      color: var(--primary-text-color);
    }
    .tile .cause {
      color: var(--bh-warning-text);
    }
    .tile.error .cause {
      color: var(--bh-error-text);
    }
    .tile.stale .cause {
      color: var(--secondary-text-color);
    }
    .blink-says {
      margin-top: 2px;
      font-size: 14px;
      color: var(--primary-text-color);
    }
    .fix {
      font-size: 14px;
      color: var(--primary-text-color);
    }
    .fine {
      display: grid;
      column-gap: 24px;
      margin-top: 8px;
      align-items: start;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
    }
    .row {
      border-top: 1px solid var(--bh-divider);
    }
    .row.open {
      grid-column: 1 / -1;
    }
    /* Light, name, cause, chevron; the battery forecast under name and cause. */
    .row-head {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr) auto auto;
      width: 100%;
      align-items: center;
      column-gap: 12px;
      padding: 8px 0;
      margin: 0;
      border: none;
      background: none;
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
      min-height: 44px;
    }
    .row-head > svg {
      grid-row: 1 / span 2;
    }
    .row-head > .forecast {
      grid-column: 2 / -1;
      margin-top: 2px;
    }
    .row-who {
      min-width: 0;
      display: flex;
      flex-direction: column;
    }
    .row-head .name {
      font-size: 15px;
    }
    .row-head .cause {
      margin: 0;
      font-size: 14px;
      font-weight: 400;
      color: var(--secondary-text-color);
      text-align: end;
    }
    .row-head .cause.no-data {
      color: var(--bh-warning-text);
      font-weight: 500;
    }
    .chevron {
      flex: none;
      --mdc-icon-size: 20px;
      color: var(--secondary-text-color);
      transition: transform 0.2s;
    }
    .row-head[aria-expanded="true"] .chevron {
      transform: rotate(180deg);
    }
    .row-body {
      display: flex;
      flex-direction: column;
      gap: 10px;
      padding: 0 0 12px 52px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    button.action {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-height: 36px;
      padding: 4px 12px 4px 10px;
      border-radius: 18px;
      font: inherit;
      font-size: 14px;
      cursor: pointer;
      color: var(--bh-action-text);
      background: transparent;
      border: 1px solid var(--bh-divider);
    }
    button.action:hover {
      background: rgba(127, 127, 127, 0.12);
    }
    button.action ha-icon {
      --mdc-icon-size: 18px;
      color: var(--primary-color);
    }
    button.action.primary {
      color: var(--primary-text-color);
      border-color: var(--primary-color);
      background: color-mix(in srgb, var(--primary-color) 14%, transparent);
    }
    button.action:focus-visible,
    .row-head:focus-visible,
    .choice:focus-visible {
      outline: 2px solid var(--primary-color);
      outline-offset: 2px;
    }
    .note {
      margin: 0;
      font-size: 14px;
      color: var(--secondary-text-color);
    }
    .confirm {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      font-size: 14px;
      color: var(--primary-text-color);
    }
    .error-text {
      color: var(--bh-error-text);
      font-size: 14px;
    }
  `,
  EXPLAIN_STYLES,
  FORECAST_STYLES,
  LED_STYLES,
  STORAGE_STYLES
];

// src/card.js
var BlinkHealthCard = class extends i4 {
  static properties = {
    hass: { attribute: false },
    _config: { state: true },
    _loadedLanguage: { state: true },
    _issues: { state: true },
    _lastKnown: { state: true },
    _namesKnown: { state: true },
    _expanded: { state: true },
    _explain: { state: true },
    _confirm: { state: true },
    _recorded: { state: true }
  };
  static styles = STYLES;
  /** Home Assistant's form editor: the camera picker, the title and whether fine cameras show. */
  static getConfigForm() {
    return configForm();
  }
  /** The configuration the card picker starts from: every camera of every Blink Health entry. */
  static getStubConfig() {
    return stubConfig();
  }
  constructor() {
    super();
    this._config = { show_healthy: true };
    this._loading = void 0;
    this._issues = [];
    this._lastKnown = NOTHING_KNOWN;
    this._lastKnownFor = void 0;
    this._namesKnown = false;
    this._expanded = /* @__PURE__ */ new Set();
    this._explain = void 0;
    this._confirm = void 0;
    this._recorded = /* @__PURE__ */ new Set();
    this._unsubscribe = void 0;
    this._actions = this._handlers();
  }
  setConfig(config) {
    if (!validConfig(config)) {
      throw new Error(this.hass && label(this.hass, "invalid_config") || CARD_TYPE);
    }
    this._config = { show_healthy: true, ...config };
  }
  getCardSize() {
    const cameras = this.hass ? this._model().cameras.length : 1;
    return 1 + Math.ceil(cameras / 2) * 2;
  }
  getGridOptions() {
    return { columns: 12, min_columns: 6, rows: "auto" };
  }
  connectedCallback() {
    super.connectedCallback();
    this._subscribeRepairs();
  }
  disconnectedCallback() {
    super.disconnectedCallback();
    this._unsubscribe?.then((unsubscribe) => unsubscribe?.());
    this._unsubscribe = void 0;
  }
  willUpdate(changed) {
    if (!changed.has("hass") || !this.hass) {
      return;
    }
    const language = this.hass.language;
    if (this._loading !== language) {
      this._loading = language;
      Promise.allSettled([
        this.hass.loadBackendTranslation("entity", DOMAIN),
        this.hass.loadBackendTranslation("selector", DOMAIN)
      ]).then(() => {
        this._loadedLanguage = language;
      });
    }
    if (!changed.get("hass")) {
      this._subscribeRepairs();
    }
    this._followLastKnown();
  }
  /** Every camera (or the configured ones) with its verdict, names matching none, outages. */
  _model() {
    return cardModel(this.hass, this._config, this._issues, this._lastKnown);
  }
  render() {
    const hass = this.hass;
    if (!hass || this._loadedLanguage !== hass.language || !this._namesKnown) {
      return A;
    }
    const model = this._model();
    const attention = model.cameras.filter((camera) => camera.attention);
    const others = model.cameras.filter(
      (camera) => !camera.attention && (this._config.show_healthy !== false || camera.unknown || camera.asOf)
    );
    const key = (camera) => camera.deviceId;
    const ui = {
      expanded: this._expanded,
      explain: this._explain,
      confirm: this._confirm,
      recorded: this._recorded,
      ...this._actions
    };
    return b2`<ha-card>
      ${this._config.title ? b2`<h2 class="title">${this._config.title}</h2>` : A}
      ${summary(hass, model, this._actions.openIssue)}
      ${attention.length ? b2`<div class="grid">
            ${c4(attention, key, (camera) => tile(hass, ui, camera))}
          </div>` : A}
      ${others.length ? b2`<div class="fine">${c4(others, key, (camera) => row(hass, ui, camera))}</div>` : A}
    </ha-card>`;
  }
  /** Follow Blink Health's repairs (admins only: only they can open one). */
  _subscribeRepairs() {
    const hass = this.hass;
    if (!hass?.user?.is_admin || !this.isConnected || this._unsubscribe) {
      return;
    }
    this._unsubscribe = hass.connection.subscribeEvents(() => this._loadIssues(), "repairs_issue_registry_updated").catch(() => void 0);
    this._loadIssues();
  }
  async _loadIssues() {
    try {
      const { issues } = await this.hass.callWS({ type: "repairs/list_issues" });
      this._issues = issues.filter((issue) => issue.domain === DOMAIN && !issue.ignored);
    } catch (_err) {
      this._issues = [];
    }
  }
  /**
   * Ask Blink Health for the last known verdicts whenever the set of cameras without current data
   * (or an account's connection) changes: while Blink cannot be reached the card shows those. It
   * also gives the name in Blink, the model and the entry of each device that is `blink`'s, which
   * that device does not tell: asked again when those devices change.
   */
  _followLastKnown() {
    const { missing, foreign } = lastKnownNeeds(this.hass);
    const connection = this._model().outages.map((outage) => `${outage.state}@${outage.since}`);
    const key = missing.length || foreign.length ? JSON.stringify([missing, missing.length ? connection : [], foreign]) : "";
    if (key === this._lastKnownFor) {
      return;
    }
    this._lastKnownFor = key;
    if (!key) {
      this._lastKnown = NOTHING_KNOWN;
      this._namesKnown = true;
      return;
    }
    if (!foreign.length) {
      this._namesKnown = true;
    }
    this.hass.callWS({ type: `${DOMAIN}/last_known` }).then(({ entries }) => {
      if (this._lastKnownFor === key) {
        this._lastKnown = knownFrom(entries);
      }
    }).catch(() => void 0).finally(() => {
      this._namesKnown = true;
    });
  }
  /** What the camera views call: the owner's clicks. */
  _handlers() {
    return {
      toggle: (camera) => {
        const expanded = new Set(this._expanded);
        if (!expanded.delete(camera.deviceId)) {
          expanded.add(camera.deviceId);
        }
        this._expanded = expanded;
      },
      batteries: (camera) => {
        this._confirm = camera.deviceId;
        this._recorded = new Set([...this._recorded].filter((id) => id !== camera.deviceId));
      },
      cancelBatteries: () => {
        this._confirm = void 0;
      },
      confirmBatteries: (camera) => {
        this._confirm = void 0;
        this._pressBatteries(camera);
      },
      openRepair: (camera) => openRepair(camera.issue),
      openIssue: (issue) => openRepair(issue),
      explainOpen: (camera) => {
        if (this._explain?.deviceId === camera.deviceId) {
          this._explain = void 0;
        } else {
          this._explainLight(camera, camera.led);
        }
      },
      explainPick: (camera, led) => this._explainLight(camera, led),
      explainClose: () => {
        this._explain = void 0;
      }
    };
  }
  /** Press the camera's "batteries replaced" button; say so once Home Assistant took it. */
  async _pressBatteries(camera) {
    try {
      await this.hass.callService("button", "press", {}, { entity_id: camera.entities.batteriesButton });
    } catch (_err) {
      return;
    }
    this._recorded = /* @__PURE__ */ new Set([...this._recorded, camera.deviceId]);
  }
  /** Ask explain_led what could make the camera's light do this (a known light only). */
  async _explainLight(camera, observed) {
    const deviceId = camera.deviceId;
    if (!LED_STATES.includes(observed)) {
      this._explain = { deviceId };
      return;
    }
    this._explain = { deviceId, observed, busy: true };
    const next = await explainLed(this.hass, deviceId, observed);
    if (this._explain?.deviceId === deviceId && this._explain.observed === observed) {
      this._explain = next;
    }
  }
};

// src/blink-health-card.js
appRegistryReady().then(() => {
  if (window.customElements.get(CARD_TYPE)) {
    return;
  }
  window.customElements.define(CARD_TYPE, BlinkHealthCard);
  window.customCards = window.customCards || [];
  window.customCards.push({
    type: CARD_TYPE,
    name: "Blink Health",
    description: "Every Blink camera's status light, what it most likely means, and what to do about it.",
    preview: true,
    documentationURL: DOCUMENTATION
  });
});
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
lit-html/directive.js:
lit-html/directives/repeat.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directive-helpers.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
