print("fslsim")
