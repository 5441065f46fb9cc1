#include "kg/services/http/static_files.h"

#include <httplib.h>

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace kg::services {
namespace {

const char* ContentType(const std::string& path) {
  if (absl::EndsWith(path, ".html")) return "text/html; charset=utf-8";
  if (absl::EndsWith(path, ".css")) return "text/css; charset=utf-8";
  return "text/javascript; charset=utf-8";
}

void SendFile(const std::string& path, httplib::Response& response) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    response.status = 404;
    response.set_content("not found\n", "text/plain");
    return;
  }
  std::ostringstream content;
  content << file.rdbuf();
  // The files change with the checkout; a reload must see the new ones.
  response.set_header("Cache-Control", "no-cache");
  response.set_content(content.str(), ContentType(path));
}

}  // namespace

void AddStaticFileRoutes(const std::string& web_dir, httplib::Server& server) {
  server.Get("/", [web_dir](const httplib::Request&, httplib::Response& res) {
    SendFile(absl::StrCat(web_dir, "/index.html"), res);
  });
  server.Get("/vendor/cytoscape.min.js",
             [web_dir](const httplib::Request&, httplib::Response& res) {
               SendFile(absl::StrCat(web_dir,
                                     "/node_modules/cytoscape/dist/"
                                     "cytoscape.min.js"),
                        res);
             });
  // The pattern admits no '/' and no "..": nothing outside web_dir.
  server.Get(R"(/([A-Za-z0-9_-]+\.(html|js|css)))",
             [web_dir](const httplib::Request& req, httplib::Response& res) {
               SendFile(absl::StrCat(web_dir, "/", req.matches[1].str()), res);
             });
}

}  // namespace kg::services
