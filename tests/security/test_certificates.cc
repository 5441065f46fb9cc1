#include "test_certificates.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace kg::testing {
namespace {

bool Run(const std::string& command) {
  if (std::system(absl::StrCat(command, " >/dev/null 2>&1").c_str()) == 0) {
    return true;
  }
  std::cerr << "failed: " << command << std::endl;
  return false;
}

// A P-256 key (fast to make) and a self-signed CA certificate.
bool MakeCa(const std::filesystem::path& cert, const std::filesystem::path& key,
            const std::string& name) {
  return Run(absl::StrCat(
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
      "-nodes -days 2 -subj /CN=",
      name, " -keyout ", key.string(), " -out ", cert.string()));
}

// A key and a certificate for `name` signed by the CA, with the
// subjectAltName extension `san` when it is not empty.
bool MakeSigned(const std::filesystem::path& dir, const std::string& name,
                const std::filesystem::path& ca_cert,
                const std::filesystem::path& ca_key, const std::string& san,
                const std::filesystem::path& cert,
                const std::filesystem::path& key) {
  const std::filesystem::path request = dir / (name + ".csr");
  const std::filesystem::path extensions = dir / (name + ".ext");
  std::ofstream(extensions)
      << (san.empty() ? "" : "subjectAltName=" + san) << "\n";
  return Run(absl::StrCat(
             "openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
             "-nodes -subj /CN=",
             name, " -keyout ", key.string(), " -out ", request.string())) &&
         Run(absl::StrCat("openssl x509 -req -days 2 -in ", request.string(),
                          " -CA ", ca_cert.string(), " -CAkey ",
                          ca_key.string(), " -CAcreateserial -extfile ",
                          extensions.string(), " -out ", cert.string()));
}

}  // namespace

bool HaveOpenssl() { return Run("openssl version"); }

bool MakeTestCertificates(const std::filesystem::path& dir,
                          TestCertificates* out) {
  const std::filesystem::path ca_key = dir / "ca.key";
  const std::filesystem::path other_ca_key = dir / "other-ca.key";
  out->ca = dir / "ca.pem";
  out->server_cert = dir / "server.pem";
  out->server_key = dir / "server.key";
  out->client_cert = dir / "client.pem";
  out->client_key = dir / "client.key";
  out->other_ca = dir / "other-ca.pem";
  out->stranger_cert = dir / "stranger.pem";
  out->stranger_key = dir / "stranger.key";
  return MakeCa(out->ca, ca_key, "kg-test-ca") &&
         MakeSigned(dir, "server", out->ca, ca_key,
                    "DNS:localhost,IP:127.0.0.1", out->server_cert,
                    out->server_key) &&
         MakeSigned(dir, "client", out->ca, ca_key, "", out->client_cert,
                    out->client_key) &&
         MakeCa(out->other_ca, other_ca_key, "kg-other-ca") &&
         MakeSigned(dir, "stranger", out->other_ca, other_ca_key, "",
                    out->stranger_cert, out->stranger_key);
}

std::string ReadFileOrEmpty(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream contents;
  contents << file.rdbuf();
  return contents.str();
}

}  // namespace kg::testing
