// Siang web chat: speaks the conversation engine through /chat/api/ (no build step).
"use strict";

(() => {
  const API = "/chat/api";
  const STORE = "siang.chat.v1";
  // The transcript lives in this tab only (sessionStorage), so a reload shows the conversation
  // but a shared computer (a district office, a library) does not keep it for the next person.
  const KEEP = 80;
  const POLL_MS = 5000;
  const $ = (id) => document.getElementById(id);
  const log = $("log");
  const chips = $("chips");
  const form = $("composer");
  const input = $("text");
  const sendButton = $("send");
  const photoButton = $("photo-button");
  const photoInput = $("photo-input");
  const locationButton = $("location-button");
  const statusLine = $("status");

  const state = { labels: {}, language: "th", cursor: 0, busy: false, history: [] };

  const newId = () =>
    (window.crypto && crypto.randomUUID
      ? crypto.randomUUID()
      : Date.now().toString(36) + Math.random().toString(36).slice(2)
    ).replace(/[^A-Za-z0-9_-]/g, "");

  const label = (key, fallback) => state.labels[key] || fallback;

  function save() {
    try {
      sessionStorage.setItem(
        STORE,
        JSON.stringify({ history: state.history.slice(-KEEP), cursor: state.cursor })
      );
    } catch (_) {
      /* private mode: the conversation is still kept on the server */
    }
  }

  function load() {
    try {
      localStorage.removeItem(STORE); // left by earlier versions of this page
      return JSON.parse(sessionStorage.getItem(STORE) || "null");
    } catch (_) {
      return null;
    }
  }

  function forgetTranscript() {
    // The citizen's data was erased: nothing of the conversation stays on this screen or device.
    state.history = [];
    log.replaceChildren();
    try {
      sessionStorage.removeItem(STORE);
      localStorage.removeItem(STORE);
    } catch (_) {
      /* storage unavailable: nothing was kept */
    }
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // A card whose title the message's text already opens with ("ความคืบหน้าเรื่อง SG-…" on
  // LINE's alt text and the card alike) shows it once, in the text.
  function renderCard(card, titleShown) {
    const box = element("section", "card");
    if (card.image_url) {
      const img = element("img");
      img.src = card.image_url;
      img.alt = card.title;
      box.appendChild(img);
    }
    if (!titleShown) box.appendChild(element("h2", null, card.title));
    if (card.fields && card.fields.length) {
      const list = element("dl");
      for (const [name, value] of card.fields) {
        list.appendChild(element("dt", null, name));
        list.appendChild(element("dd", null, value));
      }
      box.appendChild(list);
    }
    return box;
  }

  function bubble(who, message) {
    const row = element("div", "msg " + who);
    row.appendChild(element("span", "who", who === "me" ? label("you", "คุณ") : label("bot", "เสียง")));
    const body = element("div", "bubble");
    if (message.text) body.appendChild(document.createTextNode(message.text));
    if (message.image_url && !(message.card && message.card.image_url)) {
      const img = element("img");
      img.src = message.image_url;
      img.alt = "";
      body.appendChild(img);
    }
    if (message.card) {
      const firstLine = (message.text || "").split("\n")[0].trim();
      body.appendChild(renderCard(message.card, firstLine === (message.card.title || "").trim()));
    }
    if (!message.text && !message.card && !message.image_url) return;
    row.appendChild(body);
    log.appendChild(row);
  }

  function showButtons(buttons) {
    chips.replaceChildren();
    buttons.forEach((button, index) => {
      const chip = element("button", "chip" + (index === 0 ? " primary" : ""), button.label);
      chip.type = "button";
      chip.addEventListener("click", () => tap(button));
      chips.appendChild(chip);
    });
  }

  function show(who, messages, remember = true) {
    let buttons = [];
    for (const message of messages) {
      bubble(who, message);
      if (who === "bot") {
        const own = message.buttons || [];
        const fromCard = message.card ? message.card.buttons || [] : [];
        buttons = own.length ? own : fromCard.length ? fromCard : buttons;
      }
      if (remember) state.history.push({ who, message });
    }
    if (who === "bot") showButtons(buttons);
    if (remember) save();
    scrollDown();
  }

  function setBusy(busy, text) {
    state.busy = busy;
    sendButton.disabled = busy;
    photoButton.disabled = busy;
    locationButton.disabled = busy;
    statusLine.textContent = text || "";
  }

  async function call(path, options) {
    // The same client id is sent on every retry, so the server answers a message only once.
    let lastError;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        const response = await fetch(API + path, { credentials: "same-origin", ...options });
        const data = await response.json().catch(() => ({}));
        if (!response.ok) {
          const error = new Error((data.error && data.error.message) || label("offline"));
          error.final = response.status < 500;
          throw error;
        }
        return data;
      } catch (error) {
        lastError = error;
        if (error.final) break;
        await new Promise((resolve) => setTimeout(resolve, 600 * (attempt + 1)));
      }
    }
    throw lastError;
  }

  async function send(body, echo) {
    if (state.busy) return;
    if (echo) show("me", [{ text: echo }]);
    chips.replaceChildren();
    setBusy(true, label("sending", "กำลังส่ง…"));
    try {
      const data = await call("/messages", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ client_id: newId(), language: navigator.language, ...body }),
      });
      const messages = data.messages || [];
      if (data.language && data.language !== state.language && data.labels) {
        state.language = data.language; // the citizen wrote in another language: the page follows
        state.labels = data.labels;
        applyLabels();
      }
      if (messages.some((message) => message.forget_recipient)) {
        forgetTranscript();
        show("bot", messages, false);
      } else {
        show("bot", messages);
      }
      setBusy(false);
    } catch (error) {
      setBusy(false, error.message || label("offline"));
    }
  }

  function tap(button) {
    if (button.action === "location") return shareLocation();
    if (button.action === "uri") return window.open(button.data, "_blank", "noopener");
    return send({ postback: button.data }, button.label);
  }

  function shareLocation() {
    const fallback = () => {
      show("bot", [{ text: label("location_unavailable") }], false);
      input.focus();
    };
    if (!navigator.geolocation) return fallback();
    setBusy(true, label("sending", "กำลังส่ง…"));
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setBusy(false);
        send(
          { latitude: position.coords.latitude, longitude: position.coords.longitude },
          label("location_sent", "📍")
        );
      },
      () => {
        setBusy(false);
        fallback();
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
    );
  }

  async function sendPhoto(file) {
    if (!file || state.busy) return;
    // The preview is shown now; the stored transcript keeps only the caption (blob URLs die).
    show("me", [{ text: label("photo_sent", "📷"), image_url: URL.createObjectURL(file) }], false);
    state.history.push({ who: "me", message: { text: label("photo_sent", "📷") } });
    chips.replaceChildren();
    setBusy(true, label("sending", "กำลังส่ง…"));
    const data = new FormData();
    data.append("client_id", newId());
    data.append("language", navigator.language);
    data.append("photo", file);
    try {
      const answer = await call("/photos", { method: "POST", body: data });
      show("bot", answer.messages || []);
      setBusy(false);
    } catch (error) {
      setBusy(false);
      show("bot", [{ text: error.message || label("offline") }], false);
    } finally {
      photoInput.value = "";
    }
  }

  async function poll() {
    if (document.hidden) return;
    try {
      const data = await call("/updates?after=" + state.cursor, { method: "GET" });
      state.cursor = Math.max(state.cursor, data.cursor || 0);
      if (data.messages && data.messages.length) show("bot", data.messages);
      else save();
    } catch (_) {
      /* offline for now; the next poll catches up */
    }
  }

  function applyLabels() {
    document.documentElement.lang = state.language;
    document.title = label("title", document.title);
    $("title").textContent = label("title", $("title").textContent);
    $("subtitle").textContent = label("subtitle", $("subtitle").textContent);
    input.placeholder = label("placeholder", input.placeholder);
    $("text-label").textContent = label("placeholder", "");
    sendButton.textContent = label("send", sendButton.textContent);
    for (const [button, key] of [
      [photoButton, "photo"],
      [locationButton, "location"],
    ]) {
      button.setAttribute("aria-label", label(key, button.getAttribute("aria-label")));
      button.title = label(key, button.title);
    }
    log.setAttribute("aria-label", label("log", log.getAttribute("aria-label")));
  }

  async function start() {
    const saved = load();
    const lang = (navigator.language || "th").slice(0, 2);
    let session = null;
    try {
      session = await call("/session?lang=" + encodeURIComponent(lang), { method: "GET" });
    } catch (_) {
      statusLine.textContent = "ออฟไลน์ · offline";
    }
    if (session) {
      state.labels = session.labels || {};
      state.language = session.language || "th";
      applyLabels();
    }
    if (saved && saved.history && saved.history.length) {
      state.history = saved.history;
      state.cursor = saved.cursor || 0;
      const last = state.history.slice(-KEEP);
      for (const entry of last) show(entry.who, [entry.message], false);
      const lastBot = [...last].reverse().find((entry) => entry.who === "bot");
      showButtons(lastBot ? lastBot.message.buttons || [] : []);
    } else if (session) {
      state.cursor = session.cursor || 0;
      show("bot", session.greeting || []);
    }
    setInterval(poll, POLL_MS);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    input.style.height = "";
    send({ text }, text);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener("input", () => {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 140) + "px";
  });
  photoButton.addEventListener("click", () => photoInput.click());
  photoInput.addEventListener("change", () => sendPhoto(photoInput.files[0]));
  locationButton.addEventListener("click", shareLocation);
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) poll();
  });

  start();
})();
