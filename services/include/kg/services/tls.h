// Transport security of kg-server: TLS credentials from PEM files, and
// which listen addresses reach only this machine.
#ifndef KG_SERVICES_TLS_H_
#define KG_SERVICES_TLS_H_

#include <grpcpp/security/server_credentials.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kg::services {

// PEM files of the server's TLS set-up. An empty cert_file serves
// plaintext.
struct TlsFiles {
  std::string cert_file;  // Certificate chain.
  std::string key_file;   // Its private key.
  // Roots that sign client certificates; when set, every client must
  // present a certificate they verify.
  std::string client_ca_file;

  bool enabled() const { return !cert_file.empty(); }
};

// TLS credentials from `files`: InvalidArgument naming the field when a
// file is unreadable or empty, or a key is given without its certificate
// (or the other way round).
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> TlsServerCredentials(
    const TlsFiles& files);

// The contents of a file a setting names (a PEM file, the token file):
// InvalidArgument "<field>: cannot read <path>" or "... is empty".
absl::StatusOr<std::string> ReadSettingsFile(absl::string_view field,
                                             const std::string& path);

// True when `listen_address` ("host:port", "[v6]:port", "unix:path") can
// be reached only from this machine: 127.0.0.0/8, ::1, localhost or a
// Unix socket. An empty host or 0.0.0.0 listens on every interface.
bool IsLoopbackAddress(absl::string_view listen_address);

}  // namespace kg::services

#endif  // KG_SERVICES_TLS_H_
