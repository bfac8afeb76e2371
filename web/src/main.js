// The Schema Architect page: chat (streamed over server-sent events), the live Mermaid ER diagram,
// DDL per dialect, connections, history and the confirmation dialog for changes.
import mermaid from "mermaid";
import "./style.css";

mermaid.initialize({ startOnLoad: false, securityLevel: "strict", er: { useMaxWidth: false } });

const $ = (id) => document.getElementById(id);
const state = { token: localStorage.getItem("sa-token"), user: localStorage.getItem("sa-user"),
  conversation: null, schema: null, source: null, mermaidCount: 0, connections: [] };

// -- API ---------------------------------------------------------------------------------------
async function api(method, path, body) {
  const headers = { "Content-Type": "application/json" };
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  const res = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return null;
  const data = await res.json().catch(() => ({ error: { code: "bad_response", message: `HTTP ${res.status}` } }));
  if (!res.ok) {
    const err = new Error(data.error ? data.error.message : `HTTP ${res.status}`);
    err.code = data.error && data.error.code; err.hint = data.error && data.error.hint;
    if (res.status === 401 && path !== "/tokens") logout();
    throw err;
  }
  return data;
}

function describeError(err) { return err.hint ? `${err.message} (${err.hint})` : err.message; }

// -- accounts ------------------------------------------------------------------------------------
async function authenticate(signup) {
  const username = $("username").value.trim(), password = $("password").value;
  $("auth-error").textContent = "";
  try {
    if (signup) await api("POST", "/users", { username, password });
    const t = await api("POST", "/tokens", { username, password });
    state.token = t.token; state.user = username;
    localStorage.setItem("sa-token", t.token); localStorage.setItem("sa-user", username);
    await enter();
  } catch (err) { $("auth-error").textContent = describeError(err); }
}

function logout() {
  state.token = null; localStorage.removeItem("sa-token"); localStorage.removeItem("sa-user");
  $("workspace").hidden = true; $("auth").hidden = false; $("logout").hidden = true; $("who").textContent = "";
}

async function enter() {
  $("auth").hidden = true; $("workspace").hidden = false; $("logout").hidden = false;
  $("who").textContent = state.user || "";
  await refreshConnections();
  const convs = await refreshConversations();
  if (convs.length) await openConversation(convs[0].id); else await newConversation();
}

// -- conversations -------------------------------------------------------------------------------
async function refreshConversations() {
  const convs = await api("GET", "/conversations");
  const ul = $("conversations"); ul.innerHTML = "";
  for (const c of convs) {
    const li = document.createElement("li");
    li.textContent = c.title; li.dataset.id = c.id;
    if (state.conversation && c.id === state.conversation.id) li.classList.add("active");
    li.onclick = () => openConversation(c.id);
    ul.appendChild(li);
  }
  return convs;
}

async function newConversation() {
  const c = await api("POST", "/conversations", { title: `Conversation ${new Date().toLocaleString()}` });
  await openConversation(c.id);
}

async function openConversation(id) {
  $("send").disabled = true; // enabled again once the conversation is loaded: a message needs somewhere to go
  const c = await api("GET", `/conversations/${id}`);
  state.conversation = c;
  $("messages").innerHTML = "";
  for (const m of c.messages) {
    addMessage(m.role, m.content);
    if (m.data && m.data.error) for (const e of m.data.error) addMessage("error", e.message);
  }
  $("conversation-connection").value = c.connection_id ?? "";
  if (c.schema) await showSchemaJson(c.schema, "design"); else clearDiagram();
  await refreshConversations();
  $("send").disabled = false;
}

function addMessage(role, text) {
  const div = document.createElement("div");
  div.className = `msg ${role}`; div.textContent = text;
  $("messages").appendChild(div); div.scrollIntoView({ block: "end" });
  return div;
}

// -- chat over server-sent events ------------------------------------------------------------------
async function send(text) {
  addMessage("user", text);
  const bubble = addMessage("assistant", "");
  bubble.classList.add("streaming");
  try {
    const res = await fetch(`/api/v1/conversations/${state.conversation.id}/messages`, {
      method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${state.token}` },
      body: JSON.stringify({ content: text }),
    });
    if (!res.ok) {
      const data = await res.json().catch(() => ({}));
      throw Object.assign(new Error((data.error && data.error.message) || `HTTP ${res.status}`), data.error || {});
    }
    const reader = res.body.getReader(), decoder = new TextDecoder();
    let buffer = "", finished = false;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut); buffer = buffer.slice(cut + 2);
        const ev = parseEvent(block);
        if (ev.event === "done") finished = true;
        await onEvent(ev, bubble);
      }
    }
    if (!finished) addMessage("error", "The answer stopped before it was complete; nothing was applied. Try again.");
  } catch (err) {
    addMessage("error", `The assistant is unavailable: ${describeError(err)}`);
  } finally {
    bubble.classList.remove("streaming");
    if (!bubble.textContent) bubble.remove();
  }
}

function parseEvent(block) {
  let event = "message", data = "";
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data += line.slice(5).trim();
  }
  return { event, data: data ? JSON.parse(data) : {} };
}

async function onEvent({ event, data }, bubble) {
  if (event === "message") bubble.textContent += data.text;
  else if (event === "schema") await showSchema(data);
  else if (event === "result") addResult(data);
  else if (event === "confirm") await confirmChange(data);
  else if (event === "error") addMessage("error", data.hint ? `${data.message} (${data.hint})` : data.message);
}

function addResult(r) {
  const div = addMessage("assistant", "");
  const table = document.createElement("table"); table.className = "result";
  const head = table.insertRow();
  for (const c of r.columns) { const th = document.createElement("th"); th.textContent = c; head.appendChild(th); }
  for (const row of r.rows) { const tr = table.insertRow(); for (const v of row) tr.insertCell().textContent = v ?? "NULL"; }
  div.appendChild(table);
}

// -- diagram and DDL -------------------------------------------------------------------------------
function clearDiagram() { $("diagram").innerHTML = ""; $("ddl").textContent = ""; state.schema = null; }

async function showSchemaJson(schema, source) {
  const view = await api("POST", "/schema/erd", { input: { schema }, format: "mermaid" });
  const ddl = await api("POST", "/schema/ddl", { input: { schema }, dialect: $("dialect").value });
  await showSchema({ schema, mermaid: view.content, ddl: ddl.ddl, source });
}

async function showSchema(view) {
  state.schema = view.schema; state.source = view.source;
  $("diagram-source").textContent = view.source === "live" ? "(connected database)" : "(design)";
  if (view.dialect && view.dialect !== $("dialect").value) {
    const ddl = await api("POST", "/schema/ddl", { input: { schema: view.schema }, dialect: $("dialect").value });
    $("ddl").textContent = ddl.ddl;
  } else $("ddl").textContent = view.ddl;
  try {
    const { svg } = await mermaid.render(`erd${++state.mermaidCount}`, view.mermaid);
    $("diagram").innerHTML = svg;
  } catch (err) {
    $("diagram").textContent = `The diagram could not be drawn: ${err.message || err}`;
  }
}

async function changeDialect() {
  if (!state.schema) return;
  try {
    const ddl = await api("POST", "/schema/ddl", { input: { schema: state.schema }, dialect: $("dialect").value });
    $("ddl").textContent = ddl.ddl;
  } catch (err) { $("ddl").textContent = describeError(err); }
}

function download(name, text, type) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name; document.body.appendChild(a); a.click(); a.remove();
}

async function downloadMigration() {
  const cid = $("conversation-connection").value;
  if (!state.schema || !cid) { addMessage("error", "A migration needs a design and a connected database."); return; }
  try {
    const live = await api("GET", `/connections/${cid}/schema`);
    const conn = state.connections.find((c) => String(c.id) === cid);
    const plan = await api("POST", "/migrations/plan",
      { from: { schema: live.schema }, to: { schema: state.schema }, dialect: conn ? conn.dialect : "postgresql" });
    for (const [name, text] of Object.entries(plan.files)) download(name, text, "text/plain");
  } catch (err) { addMessage("error", describeError(err)); }
}

// -- connections ---------------------------------------------------------------------------------
async function refreshConnections() {
  state.connections = await api("GET", "/connections");
  const ul = $("connections"); ul.innerHTML = "";
  const select = $("conversation-connection");
  select.innerHTML = '<option value="">no database</option>';
  for (const c of state.connections) {
    const li = document.createElement("li");
    li.textContent = `${c.name} (${c.dialect}) `;
    const del = document.createElement("button"); del.textContent = "×"; del.title = "remove";
    del.onclick = async (e) => { e.stopPropagation(); await api("DELETE", `/connections/${c.id}`); await refreshConnections(); };
    li.appendChild(del); ul.appendChild(li);
    const opt = document.createElement("option"); opt.value = c.id; opt.textContent = `${c.name} (${c.dialect})`;
    select.appendChild(opt);
  }
  if (state.conversation) select.value = state.conversation.connection_id ?? "";
}

async function addConnection(e) {
  e.preventDefault();
  $("connection-error").textContent = "";
  try {
    const c = await api("POST", "/connections", { name: $("connection-name").value, url: $("connection-url").value });
    $("connection-url").value = ""; $("connection-name").value = "";
    await refreshConnections();
    await useConnection(String(c.id));
  } catch (err) { $("connection-error").textContent = describeError(err); }
}

async function useConnection(id) {
  state.conversation = await api("PATCH", `/conversations/${state.conversation.id}`,
    { connection_id: id ? Number(id) : null });
  $("conversation-connection").value = id;
}

// -- confirmation dialog -----------------------------------------------------------------------------
function confirmChange(proposal) {
  const dialog = $("confirm-dialog");
  $("confirm-note").textContent = (proposal.destructive
    ? "Some statements destroy data (highlighted). " : "") + (proposal.note || "");
  const box = $("confirm-sql"); box.innerHTML = "";
  for (const s of proposal.statements) {
    const pre = document.createElement("pre");
    pre.className = s.destructive ? "stmt destructive" : "stmt"; pre.textContent = s.sql;
    box.appendChild(pre);
  }
  return new Promise((resolve) => {
    dialog.onclose = async () => {
      if (dialog.returnValue === "approve") {
        try {
          const r = await api("POST", `/connections/${proposal.connection_id}/changes/execute`,
            { sql: proposal.sql, confirmation_token: proposal.confirmation_token });
          addMessage("assistant", `Done: ${r.executed} statement(s) ran.`).dataset.outcome = "executed";
        } catch (err) {
          addMessage("error", `Nothing was changed: ${describeError(err)}`);
        }
      } else {
        addMessage("assistant", "Denied: nothing was run.").dataset.outcome = "denied";
      }
      resolve();
    };
    dialog.returnValue = "";
    dialog.showModal();
  });
}

// -- wiring ------------------------------------------------------------------------------------------
$("auth-form").addEventListener("submit", (e) => { e.preventDefault(); authenticate(false); });
$("signup").addEventListener("click", () => authenticate(true));
$("logout").addEventListener("click", async () => { try { await api("DELETE", "/tokens/current"); } finally { logout(); } });
$("new-conversation").addEventListener("click", newConversation);
$("connection-form").addEventListener("submit", addConnection);
$("conversation-connection").addEventListener("change", (e) => useConnection(e.target.value));
$("dialect").addEventListener("change", changeDialect);
$("download-ddl").addEventListener("click", () => download(`schema.${$("dialect").value}.sql`, $("ddl").textContent, "text/plain"));
$("download-svg").addEventListener("click", () => {
  const svg = $("diagram").querySelector("svg");
  if (svg) download("diagram.svg", new XMLSerializer().serializeToString(svg), "image/svg+xml");
});
$("download-migration").addEventListener("click", downloadMigration);
$("chat-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const text = $("chat-input").value.trim();
  if (!text || !state.conversation) return;
  $("chat-input").value = "";
  $("send").disabled = true;
  try { await send(text); } finally { $("send").disabled = false; }
});
$("chat-input").addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); $("chat-form").requestSubmit(); }
});

if (state.token) enter().catch(() => logout());
