// kg-server: serves a graph database over gRPC until SIGINT or SIGTERM.
//
// Prints one line to stdout once it accepts calls,
// "kg-server listening on <host>:<port>", which scripts and tests parse to
// learn the port (with --listen ...:0); with an HTTP listener, a second
// line "kg-server http on <host>:<port>". Everything else is the server's
// structured log (logging.h): JSON lines on stderr, or in --log_file.
#include <signal.h>

#include <cstring>
#include <iostream>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/time/time.h"
#include "kg/graph/graph_store.h"
#include "kg/loaders/reference_data.h"
#include "kg/services/auth.h"
#include "kg/services/logging.h"
#include "kg/services/server_builder.h"

ABSL_FLAG(std::string, db, "", "Directory of the graph database (required).");
ABSL_FLAG(std::string, listen, "127.0.0.1:50051",
          "host:port to serve on; port 0 picks a free port.");
ABSL_FLAG(std::string, http_listen, "127.0.0.1:8080",
          "host:port of the HTTP listener (JSON API, /metrics, /healthz); "
          "port 0 picks a free port, empty serves no HTTP.");
ABSL_FLAG(std::string, web_dir, KG_WEB_DIR,
          "Folder of the browser explorer served on --http_listen (index.html "
          "and node_modules from npm ci); empty serves none.");
ABSL_FLAG(int, slow_query_log_ms, -1,
          "Log calls taking at least this many milliseconds; negative logs "
          "none.");
ABSL_FLAG(uint64_t, block_cache_mb,
          kg::graph::StoreOptions().block_cache_bytes >> 20,
          "RocksDB block cache, MiB.");
ABSL_FLAG(std::string, log_file, "",
          "Append the server's JSON-lines log to this file instead of "
          "stderr.");
ABSL_FLAG(std::string, reference_dir, KG_REFERENCE_DIR,
          "Folder of reference data (*.jsonl) loaded on start; empty skips.");
ABSL_FLAG(int, query_max_depth, kg::services::QueryLimits().max_depth,
          "Most hops a traversal or path query may take.");
ABSL_FLAG(int, query_max_fan_out, kg::services::QueryLimits().max_fan_out,
          "Most edges one node of a traversal follows.");
ABSL_FLAG(uint64_t, query_max_rows, kg::services::QueryLimits().max_rows,
          "Most results a query returns or rows it holds.");
ABSL_FLAG(uint64_t, query_max_expansions,
          kg::services::QueryLimits().max_expansions,
          "Most graph entries a query reads.");
ABSL_FLAG(absl::Duration, query_max_time, kg::services::QueryLimits().max_time,
          "Longest a query may run.");
ABSL_FLAG(int, max_message_bytes,
          kg::services::ServerOptions().max_message_bytes,
          "Largest request message accepted.");
ABSL_FLAG(std::string, tls_cert, "",
          "PEM certificate chain: serve TLS instead of plaintext.");
ABSL_FLAG(std::string, tls_key, "", "PEM private key of --tls_cert.");
ABSL_FLAG(std::string, tls_client_ca, "",
          "PEM roots: clients must present a certificate they sign.");
ABSL_FLAG(std::string, token_file, "",
          "File of '<sha256 hex> <role> <name>' lines: every call then needs "
          "a bearer token of the method's role. Needs --tls_cert.");
ABSL_FLAG(bool, insecure, false,
          "Serve a non-loopback --listen address without TLS and tokens.");
ABSL_FLAG(std::string, hash_token, "",
          "Read a token from stdin, print its token-file line for this role "
          "(reader, writer, admin) and exit.");
ABSL_FLAG(std::string, token_name, "",
          "With --hash_token: the name the line gives the token.");

namespace {

// How long running calls may take to finish once a stop signal arrives.
// gRPC also waits this long for connected clients to hang up, so an idle
// long-lived client delays the exit by at most this much.
constexpr absl::Duration kShutdownGrace = absl::Seconds(5);

// Blocks SIGINT and SIGTERM in this thread and so in every thread started
// after it (gRPC's, RocksDB's): they then stay pending until sigwait takes
// them, and no work ever runs inside a signal handler.
sigset_t BlockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

int Fail(const absl::Status& status, int exit_code = 1) {
  kg::services::Log(kg::services::LogLevel::kError, "server_failed",
                    {{"code", absl::StatusCodeToString(status.code())},
                     {"message", status.message()}});
  return exit_code;
}

// --hash_token: the token comes on stdin so it stays out of the process
// list and shell history.
int PrintTokenLine(const std::string& role_name) {
  absl::StatusOr<kg::services::Role> role = kg::services::ParseRole(role_name);
  if (!role.ok()) return Fail(role.status());
  std::string token;
  std::getline(std::cin, token);
  absl::StatusOr<std::string> line =
      kg::services::TokenFileLine(absl::StripAsciiWhitespace(token), *role,
                                  absl::GetFlag(FLAGS_token_name));
  if (!line.ok()) return Fail(line.status());
  std::cout << *line << std::endl;
  return 0;
}

// Flag names may be written with dashes, as the kg CLI's are:
// --http-listen is --http_listen.
void UnderscoreFlagNames(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--", 2) != 0) continue;
    for (char* c = argv[i] + 2; *c != '\0' && *c != '='; ++c) {
      if (*c == '-') *c = '_';
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Serves a kg graph over gRPC.\n"
      "Usage: kg-server --db DIR [--listen HOST:PORT] [--http_listen "
      "HOST:PORT]\n"
      "                 [--web_dir DIR] [--block_cache_mb N]\n"
      "                 [--reference_dir DIR]\n"
      "                 [--query_max_depth N] [--query_max_fan_out N]\n"
      "                 [--query_max_rows N] [--query_max_expansions N]\n"
      "                 [--query_max_time DURATION] [--max_message_bytes N]\n"
      "                 [--tls_cert PEM --tls_key PEM [--tls_client_ca PEM]]\n"
      "                 [--token_file FILE] [--insecure]\n"
      "       kg-server --hash_token ROLE --token_name NAME < token");
  UnderscoreFlagNames(argc, argv);
  absl::ParseCommandLine(argc, argv);
  if (!absl::GetFlag(FLAGS_hash_token).empty()) {
    return PrintTokenLine(absl::GetFlag(FLAGS_hash_token));
  }
  const sigset_t stop_signals = BlockStopSignals();

  if (absl::Status log_file =
          kg::services::SetLogFile(absl::GetFlag(FLAGS_log_file));
      !log_file.ok()) {
    return Fail(log_file, 2);
  }
  const std::string db = absl::GetFlag(FLAGS_db);
  if (db.empty()) {
    return Fail(absl::InvalidArgumentError("--db is required"), 2);
  }
  kg::graph::StoreOptions store_options;
  store_options.block_cache_bytes = absl::GetFlag(FLAGS_block_cache_mb) << 20;
  absl::StatusOr<std::unique_ptr<kg::graph::GraphStore>> store =
      kg::graph::GraphStore::Open(db, store_options);
  if (!store.ok()) return Fail(store.status());

  const std::string reference_dir = absl::GetFlag(FLAGS_reference_dir);
  if (!reference_dir.empty()) {
    absl::StatusOr<kg::loaders::ReferenceLoadSummary> loaded =
        kg::loaders::LoadReferenceData(**store, reference_dir);
    if (!loaded.ok()) return Fail(loaded.status());
    kg::services::Log(kg::services::LogLevel::kInfo, "reference_data_loaded",
                      {{"dir", reference_dir},
                       {"files", loaded->files},
                       {"changed", loaded->changed}});
  }

  kg::services::ServerOptions options;
  options.listen_address = absl::GetFlag(FLAGS_listen);
  options.http_listen_address = absl::GetFlag(FLAGS_http_listen);
  options.web_dir = absl::GetFlag(FLAGS_web_dir);
  if (absl::GetFlag(FLAGS_slow_query_log_ms) >= 0) {
    options.slow_call_threshold =
        absl::Milliseconds(absl::GetFlag(FLAGS_slow_query_log_ms));
  }
  kg::services::QueryLimits& query_limits = options.query_limits;
  query_limits.max_depth = absl::GetFlag(FLAGS_query_max_depth);
  query_limits.max_fan_out = absl::GetFlag(FLAGS_query_max_fan_out);
  query_limits.max_rows = absl::GetFlag(FLAGS_query_max_rows);
  query_limits.max_expansions = absl::GetFlag(FLAGS_query_max_expansions);
  query_limits.max_time = absl::GetFlag(FLAGS_query_max_time);
  options.max_message_bytes = absl::GetFlag(FLAGS_max_message_bytes);
  options.tls.cert_file = absl::GetFlag(FLAGS_tls_cert);
  options.tls.key_file = absl::GetFlag(FLAGS_tls_key);
  options.tls.client_ca_file = absl::GetFlag(FLAGS_tls_client_ca);
  options.token_file = absl::GetFlag(FLAGS_token_file);
  options.insecure = absl::GetFlag(FLAGS_insecure);
  absl::StatusOr<std::unique_ptr<kg::services::KgServer>> server =
      kg::services::KgServer::Start(**store, options);
  if (!server.ok()) return Fail(server.status());
  kg::services::Log(kg::services::LogLevel::kInfo, "server_started",
                    {{"db", db},
                     {"listen", (*server)->address()},
                     {"http_listen", (*server)->http_address()}});
  std::cout << "kg-server listening on " << (*server)->address() << std::endl;
  if (!(*server)->http_address().empty()) {
    std::cout << "kg-server http on " << (*server)->http_address() << std::endl;
  }

  int signal = 0;
  sigwait(&stop_signals, &signal);
  kg::services::Log(kg::services::LogLevel::kInfo, "server_stopping",
                    {{"signal", strsignal(signal)}});
  (*server)->Shutdown(kShutdownGrace);
  // The services read the store until the server is gone.
  server->reset();
  store->reset();
  kg::services::Log(kg::services::LogLevel::kInfo, "server_stopped");
  return 0;
}
