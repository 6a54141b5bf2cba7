window.handoffSearch = [];
