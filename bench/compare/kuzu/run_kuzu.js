// Loads the comparison's CSV into a fresh Kuzu database and answers the
// workload's questions in its Cypher, printing what kg_compare reads:
//   LOAD <seconds>
//   WALL Q<n> <seconds>                      (the timed asks of Q<n>)
//   Q<n> <latency us> <item> <item> ...      (one line a timed ask)
// all tab-separated. Kuzu has no index but its primary key, the node id,
// so a key "<prefix>:<id>" is looked up by its id.
//
//   node run_kuzu.js CSV_DIR DB_DIR WORKLOAD_FILE OUT_FILE
"use strict";
const fs = require("fs");
const kuzu = require("kuzu");

const [csvDir, dbDir, workloadFile, outFile] = process.argv.slice(2);
const idOf = (key) => Number(key.slice(key.lastIndexOf(":") + 1));

const QUESTIONS = {
  Q1: {
    cypher: "MATCH (n:Node) WHERE n.id = $a RETURN n.label AS l, n.name AS n",
    items: (rows) => rows.map((r) => `${r.l}|${r.n}`),
  },
  Q2: {
    cypher:
      "MATCH (a:Node)-[e:Edge]->(c:Node) WHERE a.id = $a AND " +
      "e.type = 'PLEDGED' RETURN c.key AS k",
    items: (rows) => rows.map((r) => r.k),
  },
  Q3: {
    cypher:
      "MATCH (a:Node)-[p:Edge]->(c:Node)-[u:Edge]->(f:Node) WHERE " +
      "f.id = $a AND u.type = 'UNDER' AND p.type = 'PLEDGED' " +
      "RETURN a.key AS a, c.key AS c",
    items: (rows) => rows.map((r) => `${r.a}>${r.c}`),
  },
  Q4: {
    cypher:
      "MATCH (a:Node)-[:Edge*1..3]->(b:Node) WHERE a.id = $a " +
      "RETURN DISTINCT b.key AS k",
    items: (rows, ask) => [ask[1], ...rows.map((r) => r.k)],
  },
  Q5: {
    cypher:
      "MATCH (a:Node)-[e:Edge* SHORTEST 1..6]-(b:Node) WHERE a.id = $a " +
      "AND b.id = $b RETURN length(e) AS d",
    items: (rows) => [rows.length ? String(rows[0].d) : "none"],
  },
};

function main() {
  const db = new kuzu.Database(dbDir);
  const conn = new kuzu.Connection(db);
  const run = (cypher) => conn.querySync(cypher).close();
  const out = [];
  const loadStart = process.hrtime.bigint();
  run(
    "CREATE NODE TABLE Node(id INT64, key STRING, label STRING, " +
      "name STRING, PRIMARY KEY (id))"
  );
  run("CREATE REL TABLE Edge(FROM Node TO Node, type STRING)");
  run(`COPY Node FROM '${csvDir}/nodes.csv' (HEADER = true)`);
  run(`COPY Edge FROM '${csvDir}/edges.csv' (HEADER = true)`);
  out.push(`LOAD\t${Number(process.hrtime.bigint() - loadStart) / 1e9}`);

  const asks = {};
  for (const line of fs.readFileSync(workloadFile, "utf8").split("\n")) {
    if (!line) continue;
    const ask = line.split("\t");
    (asks[ask[0]] = asks[ask[0]] || []).push(ask);
  }
  for (const [name, question] of Object.entries(QUESTIONS)) {
    const list = asks[name] || [];
    const statement = conn.prepareSync(question.cypher);
    const answer = (ask) => {
      const params = { a: idOf(ask[1]) };
      if (ask.length > 2) params.b = idOf(ask[2]);
      const result = conn.executeSync(statement, params);
      const rows = result.getAllSync();
      result.close();
      return question.items(rows, ask);
    };
    const warmUp = Math.min(Math.floor(list.length / 10), 200);
    for (let i = 0; i < warmUp; ++i) answer(list[i]);
    const wallStart = process.hrtime.bigint();
    for (const ask of list) {
      const start = process.hrtime.bigint();
      const items = answer(ask);
      const us = Number(process.hrtime.bigint() - start) / 1e3;
      out.push([name, us, ...items].join("\t"));
    }
    const wall = Number(process.hrtime.bigint() - wallStart) / 1e9;
    out.push(`WALL\t${name}\t${wall}`);
  }
  fs.writeFileSync(outFile, out.join("\n") + "\n");
}

main();
