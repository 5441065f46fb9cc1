# kg_proto_library(NAME ROOT <dir> PROTOS <files relative to ROOT>
#                  [IMPORT_DIRS <dirs>] [GRPC] [DEPS <targets>])
#
# Runs protoc with --proto_path=ROOT so that "kg/v1/x.proto" generates
# "kg/v1/x.pb.h" under the build tree, where `#include "kg/v1/x.pb.h"`
# finds it (CMake's protobuf_generate puts files under the wrong path).
function(kg_proto_library NAME)
  cmake_parse_arguments(ARG "GRPC" "ROOT" "PROTOS;IMPORT_DIRS;DEPS" ${ARGN})
  set(out_dir "${CMAKE_BINARY_DIR}/gen")
  file(MAKE_DIRECTORY "${out_dir}")
  set(proto_path_args "--proto_path=${ARG_ROOT}")
  foreach(dir IN LISTS ARG_IMPORT_DIRS)
    list(APPEND proto_path_args "--proto_path=${dir}")
  endforeach()
  set(srcs)
  foreach(proto IN LISTS ARG_PROTOS)
    string(REGEX REPLACE "\\.proto$" "" base "${proto}")
    set(outputs "${out_dir}/${base}.pb.cc" "${out_dir}/${base}.pb.h")
    set(grpc_args)
    if(ARG_GRPC)
      list(APPEND outputs "${out_dir}/${base}.grpc.pb.cc"
           "${out_dir}/${base}.grpc.pb.h")
      set(grpc_args "--grpc_out=${out_dir}"
          "--plugin=protoc-gen-grpc=$<TARGET_FILE:gRPC::grpc_cpp_plugin>")
    endif()
    add_custom_command(
      OUTPUT ${outputs}
      COMMAND protobuf::protoc ${proto_path_args} "--cpp_out=${out_dir}"
              ${grpc_args} "${ARG_ROOT}/${proto}"
      DEPENDS "${ARG_ROOT}/${proto}" protobuf::protoc
      COMMENT "protoc ${proto}"
      VERBATIM)
    list(APPEND srcs ${outputs})
  endforeach()
  add_library(${NAME} STATIC ${srcs})
  target_include_directories(${NAME} PUBLIC "${out_dir}")
  target_link_libraries(${NAME} PUBLIC protobuf::libprotobuf ${ARG_DEPS})
  if(ARG_GRPC)
    target_link_libraries(${NAME} PUBLIC gRPC::grpc++)
  endif()
endfunction()
