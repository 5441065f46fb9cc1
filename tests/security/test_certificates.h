// Certificates a test makes for itself with the openssl binary: a CA, a
// server certificate it signs for localhost and 127.0.0.1, a client
// certificate it signs, and a second, unrelated CA with a client
// certificate of its own.
#ifndef KG_TESTS_SECURITY_TEST_CERTIFICATES_H_
#define KG_TESTS_SECURITY_TEST_CERTIFICATES_H_

#include <filesystem>
#include <string>

namespace kg::testing {

struct TestCertificates {
  std::filesystem::path ca;           // PEM of the CA.
  std::filesystem::path server_cert;  // Signed by `ca`.
  std::filesystem::path server_key;
  std::filesystem::path client_cert;  // Signed by `ca`.
  std::filesystem::path client_key;
  std::filesystem::path other_ca;       // Unrelated to `ca`.
  std::filesystem::path stranger_cert;  // Signed by `other_ca`.
  std::filesystem::path stranger_key;
};

// Whether an openssl binary is on PATH.
bool HaveOpenssl();

// Makes the certificates in `dir`; false (with the failing command on
// stderr) when openssl fails.
bool MakeTestCertificates(const std::filesystem::path& dir,
                          TestCertificates* certificates);

// A file's contents; empty when unreadable.
std::string ReadFileOrEmpty(const std::filesystem::path& path);

}  // namespace kg::testing

#endif  // KG_TESTS_SECURITY_TEST_CERTIFICATES_H_
