// The dashboard: polls the read-only status API of this replica and renders it. Plain browser JavaScript, no
// framework and no build step. Conditions, hold reasons and subnet states are rendered from whatever the API sends
// (types, reasons and states are not a fixed list here), so new values show without a change to this file.
"use strict";

const REFRESH_MS = 5000;
const TIMEOUT_MS = 4000;
const SOURCES = {
  groups: "api/v1/groups",
  jobs: "api/v1/jobs",
  leader: "api/v1/leader",
  desiredState: "api/v1/desired-state",
};
// For each source: the last good answer and when it came, and the error of the latest call (null when it worked).
const state = Object.fromEntries(Object.keys(SOURCES).map(key => [key, {data: null, at: null, error: null}]));

// Which status of a known condition type is the good one; any other type is shown neutral.
const CONDITION_TONES = {
  Available: {True: "ok", False: "bad"},
  Degraded: {True: "bad", False: "ok"},
  Progressing: {True: "info", False: "ok"},
};
const GOOD_WORDS = /^(healthy|ok|succeeded|launched|running|none)$/i;
const BAD_WORDS = /(fail|avoid|stall|exhaust|no_free|error|unavailable|degraded|denied)/i;

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

function pill(text, tone, title) {
  return el("span", {class: "pill", "data-tone": tone, title}, text);
}

/** A tone for a value the API names in words (a state, a result, an event type): generic, by its wording. */
function toneOf(word) {
  const text = String(word);
  if (GOOD_WORDS.test(text)) {
    return "ok";
  }
  return BAD_WORDS.test(text) ? "bad" : "warn";
}

/** Any JSON value as one line for people: objects as "key value" pairs, lists joined. */
function describe(value) {
  if (value === null || value === undefined) {
    return "";
  }
  if (Array.isArray(value)) {
    return value.map(describe).filter(Boolean).join("; ");
  }
  if (typeof value === "object") {
    return Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => `${k} ${describe(v)}`).join(", ");
  }
  return String(value);
}

function ago(iso) {
  const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
  const future = seconds < 0;
  const s = Math.abs(seconds);
  const text = s < 90 ? `${s} s` : s < 5400 ? `${Math.round(s / 60)} min` : s < 172800 ? `${Math.round(s / 3600)} h`
    : `${Math.round(s / 86400)} d`;
  return future ? `in ${text}` : `${text} ago`;
}

function time(iso) {
  if (!iso) {
    return el("span", {class: "muted"}, "—");
  }
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  const clock = date.toLocaleTimeString([], {hour12: false});
  const shown = sameDay ? clock : `${date.toLocaleDateString()} ${clock}`;
  return el("time", {datetime: iso, title: iso}, `${shown} (${ago(iso)})`);
}

function shortArn(arn) {
  return arn ? arn.substring(arn.lastIndexOf("/") + 1) : "";
}

function groupName(key) {
  return String(key).substring(String(key).indexOf("/") + 1);
}

function conditionsOf(group) {
  return Object.fromEntries((group.conditions || []).map(c => [c.type, c]));
}

/** One word for a group's state, worst first: Degraded, Unavailable, Unknown, Progressing, Healthy. */
function groupStatus(group) {
  const c = conditionsOf(group);
  if (c.Degraded && c.Degraded.status === "True") {
    return "Degraded";
  }
  if (c.Available && c.Available.status === "False") {
    return "Unavailable";
  }
  if (!c.Available || c.Available.status !== "True") {
    return "Unknown";
  }
  return c.Progressing && c.Progressing.status === "True" ? "Progressing" : "Healthy";
}

const STATUS_ORDER = ["Degraded", "Unavailable", "Unknown", "Progressing", "Healthy"];
const STATUS_TONE = {Degraded: "bad", Unavailable: "bad", Unknown: "warn", Progressing: "info", Healthy: "ok"};

function conditionTone(condition) {
  const tones = CONDITION_TONES[condition.type];
  if (condition.status === "Unknown") {
    return "warn";
  }
  return tones ? tones[condition.status] || "warn" : "info";
}

/** A condition in its good state is one quiet word ("Available", "not Degraded"); any other is a pill with its
 *  reason and its message below. */
function renderCondition(condition) {
  const tone = conditionTone(condition);
  const attributes = {class: "condition", "data-type": condition.type, "data-status": condition.status,
    "data-reason": condition.reason, "data-tone": tone, title: `${condition.reason}: ${condition.message}`};
  if (tone === "ok") {
    const word = condition.status === "False" ? `not ${condition.type}` : condition.type;
    return el("span", {...attributes, class: "condition quiet"}, `✓ ${word} `);
  }
  const label = `${condition.status === "False" ? "not " : ""}${condition.type}`
    + `${condition.status === "Unknown" ? "?" : ""} · ${condition.reason}`;
  return el("div", attributes, pill(label, tone), el("div", {class: "message"}, condition.message));
}

/** The hold as the API gives it: a word (NONE means nothing holds), an object with a reason, or a list of them. */
function holdsOf(hold) {
  if (hold === null || hold === undefined || hold === "" || hold === "NONE") {
    return [];
  }
  if (Array.isArray(hold)) {
    return hold.flatMap(holdsOf);
  }
  if (typeof hold === "object") {
    const reason = hold.reason || hold.type || hold.hold || "held";
    return reason === "NONE" ? [] : [{reason, detail: describe(Object.fromEntries(
      Object.entries(hold).filter(([k]) => !["reason", "type", "hold"].includes(k))))}];
  }
  return [{reason: String(hold), detail: ""}];
}

function renderLaunches(group) {
  const parts = [];
  for (const hold of holdsOf(group.hold)) {
    parts.push(el("div", {"data-field": "hold"}, pill(hold.reason, "warn", "launches held"),
      hold.detail ? el("span", {class: "detail"}, hold.detail) : null));
  }
  if (group.nextRetryAt) {
    parts.push(el("div", {class: "detail"}, "next look ", time(group.nextRetryAt)));
  }
  if (group.lastFailure && group.failedStarts > 0) {
    const f = group.lastFailure;
    parts.push(el("div", {class: "detail", "data-field": "last-failure"},
      `${group.failedStarts} failed start${group.failedStarts === 1 ? "" : "s"}; last: ${f.reason} `, time(f.at),
      f.subnetId ? ` in ${f.subnetId}` : ""));
  }
  const lastError = (group.lastErrors || [])[0];
  if (lastError) {
    parts.push(el("div", {class: "detail", style: "color: var(--bad)"}, describe(lastError)));
  }
  return parts.length ? parts : el("span", {class: "muted"}, "—");
}

function renderGroups(groups) {
  const body = document.querySelector("#groups tbody");
  const sorted = [...groups].sort((a, b) => STATUS_ORDER.indexOf(groupStatus(a)) - STATUS_ORDER.indexOf(groupStatus(b))
    || a.name.localeCompare(b.name));
  body.replaceChildren(...sorted.map(g => {
    const status = groupStatus(g);
    return el("tr", {"data-group": g.name, "data-status": status},
      el("td", {}, pill(status, STATUS_TONE[status])),
      el("td", {class: "name"}, el("strong", {}, g.name), el("div", {class: "detail"}, `${g.cluster} · observed `,
        g.observedAt ? time(g.observedAt) : "never")),
      el("td", {class: "count"}, el("span", {"data-field": "running"}, g.running), " / ",
        el("span", {"data-field": "desired"}, g.desired)),
      el("td", {"data-field": "pending"}, g.pending),
      el("td", {"data-field": "upToDate"}, g.upToDate),
      el("td", {"data-field": "stopping"}, g.stopping),
      el("td", {}, (g.conditions || []).map(renderCondition)),
      el("td", {}, renderLaunches(g)));
  }));
  if (!sorted.length) {
    body.replaceChildren(el("tr", {}, el("td", {colspan: 8, class: "empty"}, "No TaskGroup in the desired state.")));
  }
}

function renderJobs(jobs) {
  const body = document.querySelector("#jobs tbody");
  body.replaceChildren(...jobs.map(job => el("tr", {"data-job": job.name},
    el("td", {}, el("strong", {}, job.name), el("div", {class: "detail"}, job.cluster),
      job.suspended ? pill("suspended", "warn") : null),
    el("td", {}, job.schedule ? el("code", {}, job.schedule) : "once",
      job.timeZone && job.schedule ? el("div", {class: "detail"}, job.timeZone) : null,
      el("div", {class: "detail"}, `${job.concurrencyPolicy}, complete when ${job.completeWhen}`)),
    el("td", {"data-field": "next-run"}, job.nextScheduleTime ? time(job.nextScheduleTime)
      : el("span", {class: "muted"}, "none"),
      job.lastScheduleTime ? el("div", {class: "detail"}, "last ", time(job.lastScheduleTime)) : null),
    el("td", {}, (job.active || []).length ? job.active.map(run => el("div", {"data-run": run.run},
      pill(run.phase, run.lastFailure ? "warn" : "info"), ` attempt ${run.attempt} `,
      run.nextAttemptAt ? el("span", {class: "detail"}, "next attempt ", time(run.nextAttemptAt)) : null,
      run.lastFailure ? el("div", {class: "detail"}, run.lastFailure) : null))
      : el("span", {class: "muted"}, "none")),
    el("td", {}, (job.history || []).length ? [
      el("div", {}, job.history.slice(0, 8).map(run => pill(run.result, toneOf(run.result),
        `${run.run}: ${run.result}, ${run.attempts} attempt(s), ended ${run.endedAt || "?"}; ${run.reason || ""}`))),
      el("div", {class: "detail", "data-field": "last-run"}, `last: ${job.history[0].result} `,
        time(job.history[0].endedAt || job.history[0].scheduledTime),
        job.history[0].reason ? ` · ${job.history[0].reason}` : ""),
    ] : el("span", {class: "muted"}, "no runs yet")))));
  if (!jobs.length) {
    body.replaceChildren(el("tr", {}, el("td", {colspan: 5, class: "empty"}, "No Job in the desired state.")));
  }
}

function renderEvents(groups) {
  const events = groups.flatMap(g => (g.recentEvents || []).map(e => ({...e, group: g.name})))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, 40);
  const body = document.querySelector("#events tbody");
  body.replaceChildren(...events.map(e => el("tr", {"data-event": e.type, "data-group": e.group,
      "data-task": e.taskArn || ""},
    el("td", {}, time(e.at)),
    el("td", {}, e.group),
    el("td", {}, pill(e.type, e.type === "StopRequested" ? "info" : toneOf(e.type))),
    el("td", {}, e.reason),
    el("td", {class: "mono", title: e.taskArn || ""}, shortArn(e.taskArn)))));
  if (!events.length) {
    body.replaceChildren(el("tr", {}, el("td", {colspan: 5, class: "empty"}, "No events yet.")));
  }
}

/** Every subnet the groups launch into or steer around, with the state the API gives (or healthy when listed as a
 *  launch subnet and not among the group's unhealthy ones). */
function renderSubnets(groups) {
  const subnets = new Map();
  const entry = id => subnets.get(id) || subnets.set(id, {id, groups: new Set(), view: null}).get(id);
  for (const g of groups) {
    for (const id of g.launchSubnets || []) {
      entry(id).groups.add(g.name);
    }
    for (const view of g.unhealthySubnets || []) {
      const e = entry(view.subnetId);
      e.groups.add(g.name);
      e.view = view;
    }
  }
  const known = new Set(["subnetId", "availabilityZone", "state", "rank", "description"]);
  const rows = [...subnets.values()].sort((a, b) => (a.view ? 0 : 1) - (b.view ? 0 : 1) || a.id.localeCompare(b.id))
    .map(s => {
      const view = s.view || {};
      const stateWord = view.state || view.rank || (s.view ? "UNHEALTHY" : "HEALTHY");
      const details = Object.entries(view).filter(([k, v]) => !known.has(k) && v !== null && v !== "")
        .map(([k, v]) => `${k} ${describe(v)}`).join(" · ");
      return el("tr", {"data-subnet": s.id, "data-state": stateWord},
        el("td", {class: "mono"}, s.id),
        el("td", {}, view.availabilityZone || ""),
        el("td", {}, pill(stateWord, toneOf(stateWord))),
        el("td", {}, [...s.groups].sort().join(", ")),
        el("td", {title: details}, view.description || details || el("span", {class: "muted"}, "—")));
    });
  const body = document.querySelector("#subnets tbody");
  body.replaceChildren(...rows);
  if (!rows.length) {
    body.replaceChildren(el("tr", {}, el("td", {colspan: 5, class: "empty"}, "No subnet seen yet.")));
  }
}

function renderSummary(groups, jobs) {
  const count = status => groups.filter(g => groupStatus(g) === status).length;
  const notAvailable = count("Degraded") + count("Unavailable");
  const running = groups.reduce((sum, g) => sum + g.running, 0);
  const desired = groups.reduce((sum, g) => sum + g.desired, 0);
  const failingJobs = (jobs || []).filter(j => (j.history || [])[0] && toneOf(j.history[0].result) === "bad").length;
  const tile = (id, label, value, tone) => el("div", {class: "tile", id, "data-state": tone},
    el("div", {class: "value"}, value), el("div", {class: "muted"}, label));
  document.getElementById("summary").replaceChildren(
    tile("tile-groups", "task groups", groups.length, null),
    tile("tile-not-available", "degraded or unavailable", notAvailable, notAvailable ? "bad" : "ok"),
    tile("tile-progressing", "progressing", count("Progressing"), count("Progressing") ? "warn" : null),
    tile("tile-copies", "copies running / desired", `${running} / ${desired}`, running < desired ? "warn" : "ok"),
    tile("tile-jobs", "jobs", jobs ? jobs.length : "?", null),
    tile("tile-failing-jobs", "jobs whose last run failed", jobs ? failingJobs : "?", failingJobs ? "bad" : null));
}

function renderLeader(leader) {
  const chip = document.getElementById("leader");
  document.querySelectorAll(".standby").forEach(node => node.remove());
  if (leader.leading) {
    chip.dataset.state = "ok";
    chip.textContent = `this replica leads (${leader.replica})`;
    return;
  }
  chip.dataset.state = leader.leader ? "warn" : "bad";
  chip.textContent = leader.leader ? `STANDBY · leader is ${leader.leader}` : `STANDBY · no leader known`;
  document.querySelector("header").after(el("p", {class: "standby", id: "standby"},
    `This replica (${leader.replica}) is a standby: it observes and plans but launches and stops nothing. `,
    leader.leader ? [`The leader is ${leader.leader}, since `, time(leader.leaderSince),
        "; events of its actions are on the leader's own page."]
      : "No replica holds the lease right now: nothing is being reconciled."));
}

function renderDesiredState(desired) {
  const chip = document.getElementById("desired-state");
  const errors = desired.errors || [];
  const failures = desired.applyFailures || [];
  const held = ((desired.inForce || {}).teams || []).filter(team => team.heldBack);
  if (!desired.inForce) {
    chip.dataset.state = "bad";
    chip.textContent = "no valid desired state: nothing is reconciled";
  } else {
    const f = desired.inForce;
    chip.dataset.state = errors.length || held.length || failures.length ? "warn" : "ok";
    chip.replaceChildren(`desired state ${String(f.revision).substring(0, 12)} · ${f.taskGroups} groups, `
      + `${f.jobs} jobs · loaded `, time(f.loadedAt),
    held.length ? ` · held back: ${held.map(t => `team ${t.name}`).join(", ")}`
      : errors.length ? ` · latest edit refused (${errors.length} error${errors.length === 1 ? "" : "s"})` : "",
    failures.length ? ` · not applied in full` : "");
    chip.title = `${desired.path}, revision ${f.revision}, ${f.files} files`;
  }
  const section = document.getElementById("desired-state-errors");
  section.hidden = errors.length === 0;
  section.querySelector("[data-field='scope']").textContent = held.length
    ? `The latest edit of ${held.map(t => `team ${t.name}'s files (revision ${String(t.refusedRevision).substring(0, 12)})`)
        .join(" and ")} was refused; that team's last valid files stay in force, every other team's edits apply.`
    : "The latest read of the desired state was refused; the last valid state stays in force.";
  section.querySelector("ul").replaceChildren(...errors.map(e => el("li", {class: "mono"},
    e.file !== undefined ? `${e.file}:${e.line}:${e.column} ${e.field}: ${e.message}` : describe(e))));
  const notApplied = document.getElementById("apply-failures");
  notApplied.hidden = failures.length === 0;
  notApplied.querySelector("ul").replaceChildren(...failures.map(failure => el("li", {class: "mono"}, failure)));
}

function renderProblems() {
  const failed = Object.entries(state).filter(([, s]) => s.error);
  document.getElementById("problems").replaceChildren(...failed.map(([key, s]) => el("p", {"data-source": key},
    `Cannot load ${SOURCES[key]}: ${s.error}. `,
    s.at ? [`Showing what it said at ${s.at.toLocaleTimeString([], {hour12: false})}`,
      ` (${Math.round((Date.now() - s.at) / 1000)} s old).`] : "Nothing to show yet.")));
  document.querySelectorAll(".section-state").forEach(span => {
    const source = state[span.dataset.for];
    span.textContent = source.error ? (source.data ? "· stale" : "· unavailable") : "";
    span.closest("section").dataset.stale = source.error ? "true" : "false";
  });
  const refreshed = document.getElementById("refreshed");
  const latest = Object.values(state).map(s => s.at).filter(Boolean).sort((a, b) => b - a)[0];
  refreshed.textContent = (latest ? `updated ${latest.toLocaleTimeString([], {hour12: false})}` : "not loaded")
    + ` · refreshes every ${REFRESH_MS / 1000} s`;
}

async function fetchJson(path) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(path, {signal: controller.signal, headers: {Accept: "application/json"}});
    if (!response.ok) {
      const text = (await response.text()).substring(0, 200);
      throw new Error(`HTTP ${response.status}${text ? " " + text : ""}`);
    }
    return await response.json();
  } catch (error) {
    throw new Error(error.name === "AbortError" ? `no answer within ${TIMEOUT_MS / 1000} s` : error.message);
  } finally {
    clearTimeout(timer);
  }
}

function render() {
  const groups = state.groups.data;
  const jobs = state.jobs.data;
  const steps = [
    [groups, () => renderGroups(groups)],
    [groups, () => renderEvents(groups)],
    [groups, () => renderSubnets(groups)],
    [groups, () => renderSummary(groups, jobs)],
    [jobs, () => renderJobs(jobs)],
    [state.leader.data, () => renderLeader(state.leader.data)],
    [state.desiredState.data, () => renderDesiredState(state.desiredState.data)],
  ];
  for (const [data, step] of steps) {
    if (data) {
      try {
        step();
      } catch (error) {
        console.error(error);
      }
    }
  }
  renderProblems();
}

async function refresh() {
  await Promise.all(Object.entries(SOURCES).map(async ([key, path]) => {
    try {
      state[key].data = await fetchJson(path);
      state[key].at = new Date();
      state[key].error = null;
    } catch (error) {
      state[key].error = error.message;
    }
  }));
  render();
  document.body.dataset.refreshed = String(Date.now());
  setTimeout(refresh, REFRESH_MS);
}

refresh();
