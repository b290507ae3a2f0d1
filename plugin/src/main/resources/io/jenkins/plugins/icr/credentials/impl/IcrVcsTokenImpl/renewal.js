// The renewal settings only show while the provider chosen is GitLab. After Renew now, the open form gets the new
// token (encrypted, as its password field holds every stored token): saving the form must not bring back the old
// one, which GitLab has revoked.
(function () {
  function providerOf(section) {
    const form = section.closest("form");
    return form ? form.querySelector("select[name='_.provider']") : null;
  }

  function sync(section) {
    const provider = providerOf(section);
    section.style.display = !provider || provider.value === "gitlab" ? "" : "none";
  }

  Behaviour.specify(".icr-vcs-token-renewal", "icr-vcs-token-renewal", 0, function (section) {
    sync(section);
    const provider = providerOf(section);
    if (provider) {
      provider.addEventListener("change", function () {
        sync(section);
      });
    }
  });

  window.icrVcsTokenRenewed = function (encrypted) {
    document.querySelectorAll("input[name='_.token']").forEach(function (field) {
      field.value = encrypted;
    });
  };
})();
